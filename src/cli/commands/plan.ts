/** 还款计划 commands (issue 14): budget, plan, demands, payments, agreements, reminders, the letter with the plan's numbers. */
import { addAttachmentFile } from '../../app/attachments.js';
import { renderDocument } from '../../app/documents.js';
import {
  addAgreement, addPayment, adoptPlan, getBudget, listPayments, makePlan, negotiationAnswers, planIcs, setBudget, setClaim, type BudgetView, type PlanOptions, type PlanView,
} from '../../app/plan.js';
import { formatYuan, parseYuan } from '../../domain/money.js';
import { HARDSHIP_KEYS, INCOME_KEYS, SPEND_KEYS, STRATEGIES, type Strategy } from '../../domain/plan/index.js';
import { answersOf, dateFlag, formatFlag, UsageError, type Flags } from '../args.js';
import { table, writePrivate } from '../io.js';
import { withApp, type Command } from '../registry.js';

function yuan(v: string, flag: string): number {
  const f = parseYuan(v);
  if (f === null) throw new UsageError(`${flag}: expected an amount in yuan (元) with at most two decimals, got ${JSON.stringify(v)}`);
  return f;
}

function ids(v: string | undefined, flag: string): number[] | undefined {
  if (v === undefined) return undefined;
  const out = v.split(/[,，\s]+/).filter(Boolean).map(Number);
  if (out.some((x) => !Number.isInteger(x) || x <= 0)) throw new UsageError(`${flag}: expected loan IDs separated by commas, e.g. 3,1,2`);
  return out;
}

const SPEND_ZH: Record<string, string> = { rent: '房租/房贷', food: '吃饭', utilities: '水电燃气', transport: '交通', phone: '通讯', medical: '医疗', children: '子女', parents: '赡养老人', other: '其他' };
const INCOME_ZH: Record<string, string> = { salary: '工资', irregular: '不固定收入（月均）', family: '家人支持', other: '其他' };
const STRATEGY_ZH: Record<Strategy, string> = { 'legal-first': '依法优先', harassment: '先还骚扰亲友的', avalanche: '先还真实利率高的', snowball: '先还金额小的', custom: '自定顺序' };

function renderBudget(v: BudgetView): string {
  const rows: (string | number)[][] = [];
  for (const [k, f] of Object.entries(v.budget.income)) rows.push([`收入 ${INCOME_ZH[k] ?? k} (${k})`, formatYuan(f ?? 0)]);
  for (const [k, f] of Object.entries(v.budget.spending)) rows.push([`支出 ${SPEND_ZH[k] ?? k} (${k})`, formatYuan(f ?? 0)]);
  const out = [table(['项目 item', '每月 元/month'], rows), ''];
  out.push(`收入合计 income ¥${formatYuan(v.totals.income_fen)} − 必要支出 spending ¥${formatYuan(v.totals.spending_fen)} = 每月可用于还款 left for debts ¥${formatYuan(v.totals.left_fen)}`);
  if (!v.saved) out.push('（还没有保存预算：支出是默认值，请按实际修改 not saved yet: the spending figures are defaults, change them: huxun budget set --help）');
  if (v.totals.left_fen <= 0) out.push('收入不够必要开支：先照顾好生活，向贷款方说明困难，不要借新还旧。Income does not cover essentials: tell the lenders, and do not borrow to repay.');
  for (const h of v.budget.hardship) out.push(`困难情况 hardship: ${h.kind}${h.since ? ` since ${h.since}` : ''}${h.note ? ` — ${h.note}` : ''}`);
  return out.join('\n');
}

function planOptions(flags: Flags): PlanOptions {
  const strategy = flags.str('strategy');
  if (strategy !== undefined && !(STRATEGIES as readonly string[]).includes(strategy)) throw new UsageError(`--strategy must be one of ${STRATEGIES.join(', ')}`);
  const keep = flags.str('keep-up');
  let keep_up: number | undefined;
  if (keep !== undefined) {
    keep_up = Number(keep.replace(/%$/, '')) / (keep.endsWith('%') ? 100 : 1);
    if (!(keep_up >= 0 && keep_up <= 1)) throw new UsageError('--keep-up expects a share from 0 to 1 (or 0%…100%)');
  }
  const start = flags.str('start');
  if (start !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(start)) throw new UsageError('--start expects YYYY-MM');
  const payDay = flags.int('pay-day');
  if (payDay !== undefined && (payDay < 1 || payDay > 31)) throw new UsageError('--pay-day expects a day of the month, 1…31');
  const monthly = flags.str('monthly');
  const order = ids(flags.str('order'), '--order');
  return {
    strategy: (strategy as Strategy | undefined) ?? (order ? 'custom' : undefined),
    monthly_fen: monthly !== undefined ? yuan(monthly, '--monthly') : undefined,
    order, keep_up, start, pay_day: payDay, pay_claimed: ids(flags.str('pay-claimed'), '--pay-claimed'),
  };
}

const PLAN_FLAGS = ['strategy', 'monthly', 'order', 'keep-up', 'start', 'pay-day', 'pay-claimed'];
const PLAN_HELP = [
  'Strategies: legal-first (依法优先: supportable amounts only; cards, banks and consumer-finance companies first), harassment (先还骚扰亲友的: lenders whose collectors reach your contacts first),',
  '  avalanche (true rate, IRR, highest first), snowball (smallest first), custom (--order ID,ID…).',
  '--monthly 元 (default: what the budget leaves), --keep-up 0.3 (share of each month split over every lender), --start YYYY-MM (default next month), --pay-day N,',
  '--pay-claimed ID,ID (pay the lender\'s claim instead of the supportable amount for these loans).',
  'JSON: {"monthly_fen","strategy","lenders":[{"loan","claimed_fen","supportable_fen","months":[{"month","pay_fen"}],"paid_off"}],"total_fen","saved_vs_claims_fen", …, "proposals"}',
].join('\n');

function renderPlan(v: PlanView): string {
  const p = v.plan;
  const out: string[] = [];
  out.push(`还款计划 plan: ${STRATEGY_ZH[p.strategy]} (${p.strategy}); 每月 monthly ¥${formatYuan(p.monthly_fen)} from ${p.start}${v.monthly_source === 'budget' ? '（预算结余 budget surplus）' : ''}`);
  if (!v.fits) out.push(`注意：超过了预算每月结余 ¥${formatYuan(v.surplus_fen)}。Note: more than the budget leaves each month.`);
  out.push(table(
    ['#', 'loan', '贷款方 lender', '主张 claimed', '可支持 supportable', '计划还 plan pays', '还清 paid off'],
    p.lenders.map((l) => [l.rank, l.loan, l.lender, formatYuan(l.claimed_fen), formatYuan(l.supportable_fen), formatYuan(l.target_fen - l.unpaid_fen), l.paid_off ?? (l.target_fen === 0 ? '—' : '未还清 not within the plan')]),
  ));
  out.push('');
  out.push(`合计 total ¥${formatYuan(p.total_fen)}; 比贷款方主张少 less than the demands: ¥${formatYuan(p.saved_vs_claims_fen)}; ${p.end ? `全部还清 all paid by ${p.end}` : `计划期内还剩 ¥${formatYuan(p.unpaid_fen)} unpaid within the horizon`}`);
  out.push('');
  out.push('协商方案 proposals (huxun plan letter --loan ID --out FILE 生成协商还款申请书):');
  for (const pr of v.proposals) {
    out.push(`  loan ${pr.loan} ${pr.lender}: 自 ${pr.first_date} 起每月 ¥${formatYuan(pr.monthly_fen)}，共 ${pr.months} 期${pr.last_fen !== pr.monthly_fen ? `（最后一期 ¥${formatYuan(pr.last_fen)}）` : ''}，合计 ¥${formatYuan(pr.total_fen)}${pr.over_card_limit ? '  ⚠ 信用卡个性化分期最长5年 card plans last at most 5 years' : ''}`);
  }
  out.push('');
  out.push('说明：贷款方没有义务接受大多数协商方案；停息挂账不是普遍的权利。只向贷款方官方渠道还款，不要转给个人账户，也不要付钱给声称能“停催”的中介。');
  out.push('Lenders are not obliged to accept most proposals; a freeze on interest is not a general right. Pay only through the lender\'s official channels, never to a personal account or an agent who promises to stop the calls.');
  return out.join('\n');
}

export const planCommands: Command[] = [
  {
    name: 'budget set',
    usage: 'budget set [--income 元 | --income KEY=元]… [--spend KEY=元]… [--hardship KIND[:YYYY-MM-DD[:note]]]…',
    summary: '每月收入与必要支出 monthly income and essential spending',
    help: `Income keys: ${INCOME_KEYS.join(', ')} (a bare --income 元 is salary). Spending keys: ${SPEND_KEYS.join(', ')}. A key set to 0 clears it; keys not named keep their value.\nHardship kinds: ${HARDSHIP_KEYS.join(', ')} (facts for the letters).`,
    flags: ['income', 'spend', 'hardship'],
    async run({ flags, io }) {
      const pairs = (vals: string[], flag: string, keys: readonly string[], bare?: string) =>
        vals.map((v) => {
          const eq = v.indexOf('=');
          const k = eq < 0 ? bare : v.slice(0, eq);
          if (!k || !keys.includes(k)) throw new UsageError(`${flag}: expected KEY=元 with KEY one of ${keys.join(', ')}, got ${JSON.stringify(v)}`);
          return [k, yuan(eq < 0 ? v : v.slice(eq + 1), flag)] as const;
        });
      const income = pairs(flags.all('income'), '--income', INCOME_KEYS, 'salary');
      const spend = pairs(flags.all('spend'), '--spend', SPEND_KEYS);
      const hardship = flags.all('hardship').map((h) => {
        const [kind, since, ...note] = h.split(':');
        if (!(HARDSHIP_KEYS as readonly string[]).includes(kind ?? '')) throw new UsageError(`--hardship: KIND one of ${HARDSHIP_KEYS.join(', ')}`);
        return { kind, since: since ? dateFlag(since, '--hardship') : null, note: note.join(':') || null };
      });
      const v = await withApp(flags, 'cli: budget set', async (ctx) => {
        const cur = (await getBudget(ctx)).budget;
        const next = { income: { ...cur.income }, spending: { ...cur.spending }, hardship: hardship.length ? hardship : cur.hardship };
        for (const [k, f] of income) (next.income as Record<string, number>)[k] = f;
        for (const [k, f] of spend) (next.spending as Record<string, number>)[k] = f;
        return setBudget(ctx, next);
      });
      io.data(v, () => renderBudget(v));
    },
  },
  {
    name: 'budget show',
    usage: 'budget show',
    summary: '查看预算 show the budget',
    async run({ flags, io }) {
      const v = await withApp(flags, 'cli: budget show', (ctx) => getBudget(ctx));
      io.data(v, () => renderBudget(v));
    },
  },
  {
    name: 'plan',
    usage: 'plan [--strategy legal-first|harassment|avalanche|snowball|custom] [--monthly 元] [--order ID,ID…] [--keep-up 0.3] [--start YYYY-MM] [--pay-day N] [--pay-claimed ID,…] [--json]',
    summary: '还款计划 a repayment plan on legally supportable amounts',
    help: PLAN_HELP,
    flags: PLAN_FLAGS,
    async run({ flags, io }) {
      const opts = planOptions(flags);
      const v = await withApp(flags, 'cli: plan', (ctx) => makePlan(ctx, opts));
      io.data({ ...v.plan, proposals: v.proposals, fits: v.fits, surplus_fen: v.surplus_fen }, () => renderPlan(v));
    },
  },
  {
    name: 'plan adopt',
    usage: 'plan adopt [plan options]',
    summary: '采用这个计划（之后对照实际还款）adopt the plan (payments are compared with it)',
    help: PLAN_HELP,
    flags: PLAN_FLAGS,
    async run({ flags, io }) {
      const opts = planOptions(flags);
      const v = await withApp(flags, 'cli: plan adopt', (ctx) => adoptPlan(ctx, opts));
      io.data({ ...v.plan, proposals: v.proposals, adopted: true }, () => `已采用 adopted.\n\n${renderPlan(v)}`);
    },
  },
  {
    name: 'plan claim',
    usage: 'plan claim --loan ID [--amount 元 [--date YYYY-MM-DD]]',
    help: 'Without --amount the recorded demand is forgotten and the schedule\'s figure is used again.',
    summary: '记录贷款方最新的欠款主张 record the lender\'s latest demand',
    flags: ['loan', 'amount', 'date'],
    async run({ flags, io }) {
      const loan = flags.int('loan');
      if (!loan) throw new UsageError('plan claim needs --loan ID');
      const a = flags.str('amount');
      const amount = a === undefined ? null : yuan(a, '--amount');
      const d = await withApp(flags, 'cli: plan claim', (ctx) => setClaim(ctx, loan, amount, dateFlag(flags.str('date'), '--date', false)));
      io.data(d, () => `loan ${d.loan} ${d.lender}: 主张 claimed ¥${formatYuan(d.claimed_fen)}; 依法可支持 supportable ¥${formatYuan(d.supportable_fen)}; 有争议 disputable ¥${formatYuan(d.disputable_fen)}${d.line_view ? ` (${d.line_view.label.zh})` : ''}`);
    },
  },
  {
    name: 'plan ics',
    usage: 'plan ics --out FILE.ics [plan options]',
    summary: '还款提醒日历文件 payment reminders as a calendar file',
    flags: ['out', ...PLAN_FLAGS],
    async run({ flags, io }) {
      const out = flags.str('out');
      if (!out) throw new UsageError('plan ics needs --out FILE.ics');
      const opts = planOptions(flags);
      const text = await withApp(flags, 'cli: plan ics', (ctx) => planIcs(ctx, opts, io.lang));
      const path = writePrivate(out, text);
      const events = (text.match(/BEGIN:VEVENT/g) ?? []).length;
      io.data({ path, events }, () => `已生成 written ${path}: ${events} 个提醒 reminders. 发到手机上用日历打开即可导入 open it with the phone's calendar to import.`);
    },
  },
  {
    name: 'plan letter',
    usage: 'plan letter --loan ID --out FILE [--format pdf|docx|txt] [--answer key=value]… [--final] [plan options]',
    summary: '带计划数字的协商还款申请书 the 协商还款申请书 with the plan\'s numbers',
    flags: ['loan', 'out', 'format', 'answer', 'final', ...PLAN_FLAGS],
    async run({ flags, io }) {
      const loan = flags.int('loan');
      if (!loan) throw new UsageError('plan letter needs --loan ID');
      const out = flags.str('out');
      if (!out) throw new UsageError('plan letter needs --out FILE');
      const format = formatFlag(flags);
      const given = answersOf(flags.all('answer'));
      const opts = planOptions(flags);
      const doc = await withApp(flags, 'cli: plan letter', async (ctx) => {
        const answers = { ...given, ...(await negotiationAnswers(ctx, loan, opts, io.lang)) };
        // --final: the version to send, once the person has checked it (no draft notes).
        return renderDocument(ctx, { type: 'negotiation', loan_id: loan, format, lang: io.lang, answers, for: flags.bool('final') ? 'send' : 'draft' });
      });
      const path = writePrivate(out, doc.bytes);
      io.data({ path, bytes: doc.bytes.length, missing: doc.missing.map((q) => q.key) }, () =>
        [`已生成 written ${path}`, ...doc.missing.filter((q) => q.required).map((q) => `  还缺 missing: --answer ${q.key}=…   ${q.label.zh}`), flags.bool('final') ? '这是提交版（--final）：核对无误后自己寄出或提交。' : '这是草稿：核对后加 --final 生成提交版，自己寄出或提交。'].join('\n'),
      );
    },
  },
  {
    name: 'payment add',
    usage: 'payment add --loan ID --amount 元 --date YYYY-MM-DD [--to PAYEE] [--receipt FILE] [--note T]',
    summary: '记录一笔还款（证据记录）record a payment (an evidence record)',
    flags: ['loan', 'amount', 'date', 'to', 'receipt', 'note'],
    async run({ flags, io }) {
      const loan = flags.int('loan');
      if (!loan) throw new UsageError('payment add needs --loan ID');
      const amount = yuan(flags.required('amount'), '--amount');
      const d = dateFlag(flags.str('date'), '--date')!;
      const receipt = flags.str('receipt');
      const v = await withApp(flags, 'cli: payment add', async (ctx) => {
        const sha = receipt ? (await addAttachmentFile(ctx, receipt, { note: `还款凭证 receipt: loan ${loan}, ${d}` })).sha256 : null;
        return addPayment(ctx, { loan_id: loan, amount_fen: amount, date: d, payee: flags.str('to') ?? null, receipt_sha256: sha, note: flags.str('note') ?? null });
      });
      io.data(v, () => `已记录 recorded: ${v.date} ¥${formatYuan(v.amount_fen)} → ${v.lender ?? v.loan_id}${v.payee ? ` (${v.payee})` : ''}; 证据记录 evidence record #${v.evidence_seq}${v.receipt_sha256 ? `; 凭证 receipt ${v.receipt_sha256.slice(0, 12)}…` : ''}`);
    },
  },
  {
    name: 'payment list',
    usage: 'payment list',
    summary: '已记录的还款 recorded payments',
    async run({ flags, io }) {
      const rows = await withApp(flags, 'cli: payment list', (ctx) => listPayments(ctx));
      io.data(rows, () => (rows.length ? table(['id', '日期 date', 'loan', '贷款方 lender', '金额 amount', '收款方 to', '凭证 receipt'], rows.map((r) => [r.id, r.date, r.loan_id, r.lender, formatYuan(r.amount_fen), r.payee, r.receipt_sha256?.slice(0, 12)])) : '还没有记录还款 no payments yet'));
    },
  },
  {
    name: 'agreement add',
    usage: 'agreement add --loan ID --date YYYY-MM-DD --monthly 元 --months N --first YYYY-MM-DD [--last 元] [--note T]',
    summary: '记录贷款方同意的协商还款协议 record an agreement the lender accepted',
    help: 'The agreement date becomes the fact the rule cn.after-agreement uses (collection after an agreement); the new schedule is kept as an evidence record.',
    flags: ['loan', 'date', 'monthly', 'months', 'first', 'last', 'note'],
    async run({ flags, io }) {
      const loan = flags.int('loan');
      const months = flags.int('months');
      if (!loan || !months) throw new UsageError('agreement add needs --loan ID and --months N');
      const last = flags.str('last');
      const v = await withApp(flags, 'cli: agreement add', (ctx) =>
        addAgreement(ctx, {
          loan_id: loan, date: dateFlag(flags.str('date'), '--date')!, monthly_fen: yuan(flags.required('monthly'), '--monthly'), months, first_date: dateFlag(flags.str('first'), '--first')!,
          last_fen: last !== undefined ? yuan(last, '--last') : undefined, note: flags.str('note') ?? null,
        }),
      );
      io.data(v, () => `已记录协议 recorded: loan ${v.loan_id}, ${v.months} × ¥${formatYuan(v.monthly_fen)} from ${v.first_date}, total ¥${formatYuan(v.total_fen)}; 证据记录 evidence record #${v.evidence_seq}. 此后的催收会被列为“协商后仍催收”。Collection after ${v.date} is reported as collection after an agreement.`);
    },
  },
];
