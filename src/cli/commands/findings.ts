import { listFindings, type FindingView } from '../../app/findings.js';
import { collectorDossierView } from '../../app/dossier.js';
import { UsageError } from '../args.js';
import { withApp, type Command } from '../registry.js';

const SEVERITY_ZH: Record<string, string> = { critical: '严重', high: '高', medium: '中', low: '低' };

/** The CLI's JSON shape for a finding (stable, documented in the README). */
export function findingJson(f: FindingView, lang: 'zh' | 'en') {
  return {
    rule: f.rule,
    title: lang === 'en' ? f.title.en : f.title.zh,
    tier: f.tier,
    severity: f.severity,
    citations: f.citations.map((c) => ({ id: c.id, law: c.law, article: c.article, title: c.title, verified: c.verified === 'verified_primary' || c.verified === 'verified_secondary', verification: c.verified, tier: c.tier })),
    events: f.events,
    from: f.from,
    to: f.to,
    count: f.count,
    summary: lang === 'en' ? f.summary.en : f.summary.zh,
    summary_en: f.summary.en,
    channels: f.channels.map((c) => c.id),
  };
}

export const findingsCommands: Command[] = [
  {
    name: 'findings',
    usage: 'findings',
    summary: '违规发现（最严重的在前）findings, most serious first',
    async run({ flags, io }) {
      const fs = await withApp(flags, 'cli: findings', (ctx) => listFindings(ctx));
      io.data(fs.map((f) => findingJson(f, io.lang)), () => {
        if (!fs.length) return '没有发现违规。这不代表没有问题：请先导入短信、通话记录和通讯录。\nNo findings yet. Import your SMS, calls and contacts first.';
        const out: string[] = [];
        fs.forEach((f, i) => {
          out.push(`${i + 1}. 【${SEVERITY_ZH[f.severity] ?? f.severity}】${io.lang === 'en' ? f.title.en : f.title.zh}（${f.tier_label.zh}）`);
          out.push(`   ${io.lang === 'en' ? f.summary.en : f.summary.zh}`);
          if (f.from) out.push(`   时间 period: ${f.from.slice(0, 16).replace('T', ' ')} — ${f.to?.slice(0, 16).replace('T', ' ')}; ${f.count} 次 times; 事件 events: ${f.events.slice(0, 12).join(', ')}${f.events.length > 12 ? ' …' : ''}`);
          for (const c of f.citations) out.push(`   依据 ${c.title}〔${c.tier_label.zh}${c.verified === 'unverified' ? '；未核实' : c.verified === 'secondary' ? '；二手来源' : ''}〕`);
          if (f.channels.length) out.push(`   可以反映 report to: ${f.channels.map((c) => `${c.name.zh}${c.contact ? `（${c.contact}）` : ''}`).join('、')}`);
          out.push('');
        });
        out.push('说明：以上是根据你的记录整理的线索，是否违法由监管部门、公安机关或法院认定。');
        return out.join('\n');
      });
    },
  },
  {
    name: 'collector',
    usage: 'collector ID',
    summary: '催收方档案 collector dossier',
    async run({ flags, args, io }) {
      const id = Number(args[0]);
      if (!args[0] || !Number.isInteger(id)) throw new UsageError('collector needs an ID (see huxun collectors)');
      const d = await withApp(flags, 'cli: collector', (ctx) => collectorDossierView(ctx, id));
      io.data(d, () => {
        const out = [`#${d.id} ${d.name}${d.lender ? `（${d.lender}）` : ''}`, `号码 numbers: ${d.numbers.join(' ')}`];
        out.push(`首次 first ${d.first_contact ?? '-'}; 最近 last ${d.last_contact ?? '-'}`);
        out.push(`电话 calls ${d.calls}（接通 answered ${d.answered}，未接 unanswered ${d.unanswered}）; 短信 messages ${d.messages}`);
        out.push('每天 per day:');
        for (const p of d.per_day.slice(-14)) out.push(`  ${p.date}  电话 ${p.calls}  短信 ${p.messages}`);
        if (d.findings.length) out.push(`违规 findings: ${d.findings.join(', ')}`);
        return out.join('\n');
      });
    },
  },
];
