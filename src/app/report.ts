/**
 * The evidence report (issue 16): the case's collection activity, night and flood tables, contacts reached, collectors,
 * findings and the evidence chain head, as data for the page and as a PDF (src/render/report-pdf.ts).
 * A document that leaves the person's hands: citations only from sources the law data marks verified.
 */
import { buildReport, type ReportData } from '../domain/report/index.js';
import { localDate } from '../domain/time.js';
import type { Tier } from '../domain/law.js';
import { formatCitation, getCitation, hasCitation, TIER_LABEL } from '../law/index.js';
import { renderReportPdf } from '../render/report-pdf.js';
import type { AppContext } from './context.js';
import { checkChain } from './evidence.js';
import { RULE_TITLES, runFindings } from './findings.js';

export async function evidenceReport(ctx: AppContext, lang: 'zh' | 'en' = 'zh'): Promise<ReportData> {
  const [{ findings, caseData }, chain] = await Promise.all([runFindings(ctx), checkChain(ctx)]);
  return buildReport({
    today: localDate(ctx.now(), ctx.tz),
    tz: ctx.tz,
    events: caseData.events,
    collectors: caseData.collectors,
    contacts: caseData.contacts,
    findings,
    ruleTitle: (rule) => RULE_TITLES[rule] ?? { zh: rule, en: rule },
    tierLabel: (tier) => TIER_LABEL[tier as Tier] ?? { zh: tier, en: tier },
    citationTitle: (id) => {
      if (!hasCitation(id)) return null;
      const c = getCitation(id);
      if (c.verified === 'unverified') return null;
      return formatCitation(c, lang);
    },
    chain: { head: chain.head, count: chain.count, ok: chain.ok },
  });
}

export async function evidenceReportPdf(ctx: AppContext, lang: 'zh' | 'en' = 'zh'): Promise<{ bytes: Buffer; fileName: string; report: ReportData }> {
  const report = await evidenceReport(ctx, lang);
  const bytes = await renderReportPdf(report, { lang });
  return { bytes, fileName: `${lang === 'zh' ? '催收情况证据报告' : 'evidence-report'}-${report.generatedOn}.pdf`, report };
}
