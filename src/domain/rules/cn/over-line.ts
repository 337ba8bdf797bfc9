/**
 * Loans over a legal interest line: one finding per loan and line crossed, from the loans module's results.
 * The line's own citations are used as given (they come from src/law/lines.ts through the app).
 */
import type { Tier, Verification } from '../../law.js';
import { yuan } from '../text.js';
import type { CaseData, Finding, LoanLineResult, Rule, RuleLaw, Severity } from '../types.js';
import { channelsFor } from './channels.js';
import { PACK } from './common.js';
import { ruleMeta } from './meta.js';

/** How binding the line's source is: as the result carries it, else the law view's line, else its first citation. */
export function lineTier(l: LoanLineResult, law: RuleLaw): Tier {
  return l.tier ?? law.lines[l.lineId]?.tier ?? law.citations[l.citationIds[0] ?? '']?.tier ?? 'judicial_interpretation';
}

/** Whether the line's source was verified: as the result carries it, else the law view's line; unknown counts as unverified. */
export function lineVerified(l: LoanLineResult, law: RuleLaw): Verification {
  return l.verified ?? law.lines[l.lineId]?.verified ?? 'unverified';
}

/**
 * Lines whose crossing makes the debt (in part) one the law does not protect: only lines whose source was verified. A
 * SECONDARY line (24%, 法发〔2017〕22号: courts reduce on the borrower's request) does not make a debt illegal.
 */
export function isProtectiveLine(l: LoanLineResult, law: RuleLaw): boolean {
  const v = lineVerified(l, law);
  return l.over && l.applies && (v === 'verified_primary' || v === 'verified_secondary');
}

const pct = (r: number) => `${(Math.round(r * 10000) / 100).toFixed(2)}%`;

export const overLegalLineRule: Rule = {
  id: 'cn.over-legal-line',
  pack: PACK,
  title: ruleMeta('cn.over-legal-line').title,
  description: {
    zh: '借款的实际年化利率超过适用于该贷款方类型的利率线：每笔借款、每条线一项，列出超出的金额（元）。',
    en: "A loan's annual rate is above a line that applies to its lender type: one finding per loan and line, with the amount above the line in yuan.",
  },
  tier: 'judicial_interpretation',
  severity: 'high',
  citationIds: [],
  channels: ruleMeta('cn.over-legal-line').channels,
  evaluate(c: CaseData): Finding[] {
    const loans = new Map(c.loans.map((l) => [l.id, l]));
    const lines = c.loanLines.filter((l) => l.over && l.applies).sort((a, b) => a.loanId - b.loanId || (a.lineId < b.lineId ? -1 : a.lineId > b.lineId ? 1 : 0));
    return lines.map((l): Finding => {
      const loan = loans.get(l.loanId);
      const verified = lineVerified(l, c.law);
      const unverified = verified === 'unverified';
      const secondary = verified === 'secondary';
      const severity: Severity = unverified ? 'low' : secondary ? 'medium' : 'high';
      const name = l.lenderName || loan?.lenderName || `#${l.loanId}`;
      const amount = yuan(l.excessFen);
      const label = l.label ?? { zh: `利率线 ${l.lineId}`, en: `line ${l.lineId}` };
      const caveat = unverified
        ? {
            zh: '该线的依据在参考资料中未核实，它不是法定利率上限，超过不等于违法；可以在协商或诉讼中作为主张，由法院决定。',
            en: 'The basis of this line is unverified in the reference; it is not a statutory cap and crossing it does not make the loan illegal. It can be raised in negotiation or in court; a court decides.',
          }
        : secondary
          ? {
              zh: '该线的依据只在二手来源中读到（未在官方网站核对）。它不是法定利率上限，超过不等于违法：借款人在诉讼中请求调减时，法院一般会调减合计超过该线的利息和费用。可以在协商或诉讼中作为主张，由法院决定。',
              en: 'The basis of this line was read only in secondary sources (not checked on an official site). It is not a statutory cap and crossing it does not make the loan illegal: when the borrower asks in court, courts generally reduce the total charges above it. It can be raised in negotiation or in court; a court decides.',
            }
          : {
            zh: '超出部分可能不受法律保护；其法律后果取决于贷款方类型和该线的性质（见所引条文），由法院认定，涉及非法放贷的由公安机关和法院认定。',
            en: 'The part above the line may not be protected by law; what follows depends on the lender type and the nature of the line (see the provisions cited). A court decides; for illegal lending, the police and courts.',
          };
      return {
        rule: 'cn.over-legal-line',
        tier: lineTier(l, c.law),
        severity,
        citationIds: [...l.citationIds],
        eventIds: [],
        from: null,
        to: null,
        count: 1,
        summary: {
          zh: `${name} 的借款按“${label.zh}”计算，名义年化利率约 ${pct(l.aprNominal)}，高于该线的 ${pct(l.lineRate)}，超出部分金额为 ${amount} 元。${caveat.zh}`,
          en: `The loan from ${name}, measured against "${label.en}", has a nominal annual rate of about ${pct(l.aprNominal)}, above the line's ${pct(l.lineRate)}; the amount above the line is ${amount} yuan. ${caveat.en}`,
        },
        channels: channelsFor(c.law, 'cn.over-legal-line', [loan?.lenderType ?? null]),
        details: {
          loanId: l.loanId,
          lenderName: name,
          lenderType: loan?.lenderType ?? null,
          lineId: l.lineId,
          excessFen: l.excessFen,
          excessYuan: (l.excessFen / 100).toFixed(2),
          aprNominal: l.aprNominal,
          lineRate: l.lineRate,
          verified,
        },
      };
    });
  },
};
