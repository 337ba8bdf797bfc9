/** The home page: what to do next, debts at a glance, this week's collection activity. */
import { sql } from 'kysely';
import { formatYuan } from '../domain/money.js';
import { localDate, parseDateTime } from '../domain/time.js';
import * as repo from '../store/repo.js';
import type { AppContext } from './context.js';
import { caseFindings } from './findings.js';
import { loanReport } from './loans.js';
import { listUserLpr } from './lpr.js';
import { CHANNELS } from '../law/index.js';
import type { Text2 } from '../domain/law.js';
import { ruleMeta } from '../domain/rules/cn/meta.js';
import { followUpSummary } from './followup.js';
import type { NextStep, OverviewView } from '../shared/views.js';

export type { NextStep } from '../shared/views.js';

export async function overview(ctx: AppContext): Promise<OverviewView> {
  const db = ctx.store.db;
  const [eventCount, loans, contactsTouched, imports] = await Promise.all([
    repo.countEvents(db, ctx.caseId),
    repo.listLoans(db, ctx.caseId),
    sql<{ n: number }>`select count(distinct contact_id) as n from events where case_id = ${ctx.caseId} and contact_id is not null and (kind = 'third_party_report' or recipient = 'third_party')`.execute(db),
    repo.listImports(db, ctx.caseId),
  ]);
  const touched = Number(contactsTouched.rows[0]?.n ?? 0);
  const next: NextStep[] = [];
  if (eventCount === 0 && !imports.some((i) => i.status === 'done')) {
    next.push({ id: 'import', priority: 100, page: 'import', title: { zh: '导入手机里的短信、通话记录和通讯录', en: 'Import your phone’s SMS, calls and contacts' }, detail: { zh: '护讯会找出催收短信和电话，整理成时间线。数据只保存在这台电脑上。', en: 'Huxun finds the collection messages and calls and builds a timeline. Data stays on this computer.' } });
  }
  if (touched > 0) {
    next.push({ id: 'contacts', priority: 90, page: 'contacts', title: { zh: `${touched} 位亲友被催收方联系过：把说明发给他们`, en: `${touched} contact(s) were reached by collectors: send them the note` }, detail: { zh: '告诉他们不欠任何钱、不要替你还款，并请他们保存通话和短信截图发回给你。', en: 'Tell them they owe nothing, should not pay anyone, and should save calls and messages for you.' } });
  }
  let overLine = 0;
  let totalExcess = 0;
  const userLpr = loans.length ? await listUserLpr(ctx) : [];
  for (const l of loans) {
    const r = loanReport(l, userLpr);
    const worst = r.lines.filter((x) => x.applies && x.over && x.excessFen != null).sort((a, b) => (b.excessFen ?? 0) - (a.excessFen ?? 0))[0];
    if (worst) {
      overLine++;
      totalExcess += worst.excessFen ?? 0;
      const apr = r.rates ? (r.rates.nominal.value * 100).toFixed(1) : '?';
      next.push({
        id: `loan-${l.id}`, priority: 80, page: 'loans',
        title: { zh: `${l.lenderName} 的借款真实年化约 ${apr}%，高于${worst.label.zh}`, en: `Loan from ${l.lenderName} costs about ${apr}% a year, above ${worst.label.en}` },
        detail: { zh: `按这条线计算，超出部分约 ${formatYuan(worst.excessFen ?? 0)} 元，可以在协商或诉讼中主张不支付（最终由法院认定）。`, en: `Above that line: about ¥${formatYuan(worst.excessFen ?? 0)}, which you may refuse to pay in negotiation or court (a court decides).` },
      });
    }
  }
  // Issue 14: with loans recorded, a plan the person can afford (and the letters with its numbers); above the
  // per-loan steps, which a plan covers all at once.
  if (loans.some((l) => l.status !== 'settled')) {
    next.push({
      id: 'plan', priority: 82, page: 'plan',
      title: { zh: '做一个还款计划：每月能还多少、先还谁', en: 'Make a repayment plan: how much a month, and who first' },
      detail: { zh: '按依法可支持的金额给每家贷款方一个做得到的方案，并生成带数字的协商还款申请书。', en: 'A plan you can keep on the amounts the law supports, and repayment request letters with the numbers in them.' },
    });
  }
  if (!loans.length) {
    next.push({ id: 'add-loan', priority: 60, page: 'loans', title: { zh: '记录你的借款，算一算真实利率', en: 'Record your loans and see their true rate' }, detail: { zh: '填写合同金额、实际到手金额和还款计划即可。', en: 'Enter the contract amount, what you actually received and the schedule.' } });
  }
  if (eventCount > 0) {
    const findings = await caseFindings(ctx);
    const top = findings.find((f) => f.rule !== 'cn.over-legal-line');
    if (top) {
      const ch = CHANNELS.find((c) => c.id === (top.channels.find((x) => x !== 'lender') ?? top.channels[0]));
      next.push({
        id: `finding-${top.rule}`, priority: 85, page: 'documents',
        title: { zh: `${ruleShort(top.rule).zh}：可以向${ch?.name.zh ?? '有关部门'}反映`, en: `${ruleShort(top.rule).en}: you can report it to ${ch?.name.en ?? 'the authorities'}` },
        detail: { zh: '护讯可以生成投诉信草稿和网上表格用的短文本。', en: 'Huxun drafts the complaint letter and a short text for online forms.' },
      });
    }
    next.push({ id: 'evidence', priority: 40, page: 'evidence', title: { zh: '导出可核验的证据包，备份一份', en: 'Export a verifiable evidence bundle and keep a copy' }, detail: { zh: '证据包里的每条记录都有哈希链，任何人都可以核对没有被改动。', en: 'Every record is hash-chained; anyone can check nothing was changed.' } });
  }
  // Issue 16 (投诉跟进): complaints sent whose answer deadline or reminder has come.
  const complaints = await followUpSummary(ctx);
  if (complaints.due > 0) {
    next.push({
      id: 'followup', priority: 95, page: 'followup',
      title: { zh: `${complaints.due} 件投诉已到期未答复：催办或升级`, en: `${complaints.due} complaint(s) past their date with no answer: chase or escalate` },
      detail: { zh: '护讯可以生成催办函，或按投诉路线向下一个部门投诉，并写明前次投诉的日期和受理编号。', en: 'Huxun drafts a follow-up letter, or a complaint to the next body on the route quoting the earlier date and reference.' },
    });
  }
  next.sort((a, b) => b.priority - a.priority);

  // This week: the last 7 local days, today included.
  const today = localDate(ctx.now(), ctx.tz);
  const start = parseDateTime(`${today}T00:00:00`, ctx.tz)! - 6 * 86400_000;
  const events = await repo.listEvents(db, ctx.caseId, { from: start });
  const byDay = new Map<string, { date: string; calls: number; messages: number; collection: number }>();
  for (let i = 0; i < 7; i++) {
    const d = localDate(start + i * 86400_000 + 12 * 3600_000, ctx.tz);
    byDay.set(d, { date: d, calls: 0, messages: 0, collection: 0 });
  }
  let calls = 0, messages = 0, collection = 0;
  for (const e of events) {
    if (e.direction === 'out') continue;
    const slot = byDay.get(localDate(e.at, ctx.tz));
    if (!slot) continue;
    const isCollection = e.labels.includes('collection') || e.collectorId != null;
    if (e.kind === 'call') { slot.calls++; calls++; } else { slot.messages++; messages++; }
    if (isCollection) { slot.collection++; collection++; }
  }
  return {
    next: next.slice(0, 3),
    all_next: next,
    debts: { loans: loans.length, over_line: overLine, total_excess_fen: totalExcess },
    week: { calls, messages, collection, by_day: [...byDay.values()] },
    events: eventCount,
    complaints,
  };
}

/** The rule's headline for the overview, from the rule table (src/domain/rules/cn/meta.ts). */
function ruleShort(rule: string): Text2 {
  return ruleMeta(rule)?.short ?? { zh: '催收违规', en: 'Collection misconduct' };
}
