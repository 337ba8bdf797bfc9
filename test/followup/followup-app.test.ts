/** Issue 16 投诉跟进 on the real stores: record → evidence → due → next steps → escalate → answer; the CLI commands. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppContext, OpenedApp } from '../../src/app/context.js';
import { checkChain } from '../../src/app/evidence.js';
import { addComplaint, answerComplaint, complaintsIcs, escalationLetter, followUpSummary, listComplaints, stepDocument, updateFollowUp } from '../../src/app/followup.js';
import { addLoan, loanFromSimpleTerms } from '../../src/app/loans.js';
import { addManualEvent } from '../../src/app/timeline.js';
import { overview } from '../../src/app/overview.js';
import * as repo from '../../src/store/repo.js';
import { engines, openTestApp } from '../support/stores.js';
import { runCli, tempDataDir } from '../support/cli.js';

const opened: OpenedApp[] = [];
afterAll(async () => {
  for (const o of opened) await o.close();
});

/** A clock at a Shanghai wall-clock time. */
function at(ctx: AppContext, utcIso: string) {
  ctx.now = () => Date.parse(utcIso);
}

async function bankCase(engine: 'sqlite' | 'postgres') {
  const o = await openTestApp(engine);
  opened.push(o);
  const ctx = o.ctx;
  at(ctx, '2026-01-20T02:00:00Z'); // 10:00 in Shanghai
  const bank = await addLoan(ctx, loanFromSimpleTerms({ lenderName: '某某银行股份有限公司', lenderType: 'bank', contractDate: '2025-01-10', principalFen: 1_000_000, receivedFen: 1_000_000, periods: 12, installmentFen: 90_000 }));
  const micro = await addLoan(ctx, loanFromSimpleTerms({ lenderName: '某某网络小额贷款有限公司', lenderType: 'microloan', contractDate: '2025-02-10', principalFen: 500_000, receivedFen: 500_000, periods: 6, installmentFen: 90_000 }));
  await addManualEvent(ctx, { kind: 'sms', at: '2026-01-05 10:00', number: '13900000001', text: '【某某银行】你已逾期，再不还钱就把你欠钱的事发给你通讯录里所有人' });
  return { ctx, bank: `loan:${bank.loan.id}`, micro: `loan:${micro.loan.id}` };
}

for (const engine of engines()) {
  describe(`投诉跟进 on ${engine}`, () => {
    it('submitted → due → escalated, with the text sent kept as evidence', async () => {
      const { ctx, bank } = await bankCase(engine);
      const c = await addComplaint(ctx, { channel: 'lender', lender: bank, submitted_on: '2026-01-20', method: 'app', reference: 'TS-2026-0120-001', generate: 'txt' });
      expect(c).toMatchObject({ state: 'submitted', channel: 'lender', lender_type: 'bank', reference: 'TS-2026-0120-001', next_kind: 'deadline', next_date: '2026-02-04', days_left: 15 });
      expect(c.deadline).toMatchObject({ due_on: '2026-02-04', days: 15, unit: 'calendar', extendable: true });
      expect(c.deadline!.citations[0]!.excerpt.zh).toContain('15日内办理完毕');

      // The document sent: an attachment, and an evidence record of the submission naming its hash and version.
      expect(c.document!.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(c.document!.meta).toMatchObject({ source: 'generated', type: 'complaint', channel: 'lender', format: 'txt' });
      const atts = await repo.listAttachments(ctx.store.db, ctx.caseId);
      expect(atts.some((a) => a.sha256 === c.document!.sha256)).toBe(true);
      const records: { kind: string; payload: string; seq: number }[] = [];
      for await (const r of repo.iterateEvidence(ctx.store.db, ctx.caseId)) records.push({ kind: r.kind, payload: r.payload, seq: Number(r.seq) });
      const sub = records.find((r) => r.kind === 'complaint_submission')!;
      expect(sub.seq).toBe(c.evidence_seq);
      const payload = JSON.parse(sub.payload) as { document: { sha256: string; type: string }; reference: string; channel: string; due_on: string; v: number };
      expect(payload).toMatchObject({ channel: 'lender', reference: 'TS-2026-0120-001', due_on: '2026-02-04', v: 1, document: { sha256: c.document!.sha256, type: 'complaint' } });
      expect((await checkChain(ctx)).ok).toBe(true);

      // 2026-02-04 23:59 in Shanghai: still within the 15 days.
      at(ctx, '2026-02-04T15:59:00Z');
      let [v] = await listComplaints(ctx);
      expect(v).toMatchObject({ state: 'submitted', days_left: 0, due_soon: true, next_steps: [] });
      // 2026-02-05 00:30 in Shanghai (still 2026-02-04 in UTC): due, with the next steps.
      at(ctx, '2026-02-04T16:30:00Z');
      [v] = await listComplaints(ctx);
      expect(v).toMatchObject({ state: 'due', days_left: -1 });
      expect(v!.next_steps.map((s) => [s.kind, s.channel])).toEqual([['urge', 'lender'], ['escalate', '12378']]);
      const summary = await followUpSummary(ctx);
      expect(summary).toMatchObject({ open: 1, due: 1 });
      expect((await overview(ctx) as { complaints?: unknown }).complaints).toMatchObject({ open: 1, due: 1 });

      // Each step its own document.
      const urge = (await stepDocument(ctx, c.id, 'urge', 'txt')).bytes.toString('utf8');
      expect(urge).toContain('催办函');
      expect(urge).toContain('TS-2026-0120-001');
      expect(urge).toContain('2026年2月4日前办理完毕并告知投诉人，现已逾期1日');
      expect(urge).toContain('15日内办理完毕');
      expect(urge).not.toMatch(/未核实|草稿/);
      const esc = (await stepDocument(ctx, c.id, 'escalate', 'txt')).bytes.toString('utf8');
      expect(esc).toContain('国家金融监督管理总局');
      expect(esc).toContain('2026年1月20日通过App向某某银行股份有限公司提交投诉，受理编号 TS-2026-0120-001。');
      expect(urge).toContain('某某银行股份有限公司：');
      expect(esc).toContain(c.document!.sha256);
      const pdf = await stepDocument(ctx, c.id, 'escalate', 'pdf');
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const letter = await escalationLetter(ctx, c.id, 'txt');
      expect(letter.channel).toBe('12378');

      // Escalated: the next complaint has no deadline in the law data, so the person's reminder counts.
      const e = await addComplaint(ctx, { channel: '12378', submitted_on: '2026-02-05', method: 'phone', parent_id: c.id, text: '我于1月20日向银行投诉，至今未答复……', remind_on: '2026-02-20' });
      expect(e).toMatchObject({ lender_key: bank, deadline: null, next_kind: 'reminder', next_date: '2026-02-20', state: 'submitted' });
      expect(e.no_deadline!.zh).toContain('提醒日期');
      [v] = await listComplaints(ctx);
      expect(v).toMatchObject({ id: c.id, state: 'escalated', children: [e.id] });

      const ics = await complaintsIcs(ctx);
      expect(ics).toContain(`UID:huxun-complaint-${e.id}-reminder@huxun.local`);
      expect(ics).toContain('DTSTART;VALUE=DATE:20260220');
      expect(ics).not.toContain(`huxun-complaint-${c.id}-`);

      at(ctx, '2026-02-20T01:00:00Z');
      expect((await listComplaints(ctx)).find((x) => x.id === e.id)).toMatchObject({ state: 'due', next_steps: [{ kind: 'urge' }, { kind: 'escalate' }] });
      const ans = await answerComplaint(ctx, e.id, { answered_on: '2026-02-20', outcome: 'resolved', text: '已转银行处理，银行承诺停止联系第三人' });
      expect(ans).toMatchObject({ state: 'answered', answer: { outcome: 'resolved', on: '2026-02-20' } });
      expect(ans.answer!.evidence_seq).toBeGreaterThan(e.evidence_seq!);
      expect(await followUpSummary(ctx)).toMatchObject({ open: 0, due: 0 });
    });

    it('an extension moves a bank’s deadline to 30 days; a microloan has none until a reminder is set; bad input is refused', async () => {
      const { ctx, bank, micro } = await bankCase(engine);
      const c = await addComplaint(ctx, { channel: 'lender', lender: bank, submitted_on: '2026-01-20', method: 'web', text: '投诉内容' });
      at(ctx, '2026-02-01T02:00:00Z');
      const x = await answerComplaint(ctx, c.id, { answered_on: '2026-02-01', outcome: 'extended' });
      expect(x).toMatchObject({ state: 'submitted', next_date: '2026-02-19', deadline: { days: 30, step: 1 } });
      const m = await addComplaint(ctx, { channel: 'lender', lender: micro, submitted_on: '2026-01-25', method: 'phone' });
      expect(m).toMatchObject({ deadline: null, next_date: null, state: 'submitted', document: null });
      expect(await updateFollowUp(ctx, m.id, { remind_on: '2026-02-08', reference: 'XD-9' })).toMatchObject({ next_date: '2026-02-08', reference: 'XD-9' });
      await expect(addComplaint(ctx, { channel: 'nowhere', submitted_on: '2026-01-20', method: 'web' })).rejects.toThrow(/unknown channel/);
      await expect(addComplaint(ctx, { channel: 'lender', submitted_on: '2026-03-01', method: 'web' })).rejects.toThrow(/after today/);
      await expect(addComplaint(ctx, { channel: 'lender', lender: 'loan:999', submitted_on: '2026-01-20', method: 'web' })).rejects.toThrow(/no lender/);
      await expect(answerComplaint(ctx, c.id, { answered_on: '2026-01-01', outcome: 'resolved' })).rejects.toThrow(/predate/);
    });
  });
}

describe('CLI: huxun complaint add / list --json / answer', () => {
  it('records, lists and answers', async () => {
    const data = tempDataDir();
    const d = ['--data', data];
    expect((await runCli(['loan', 'add', '--lender', '某某银行', '--type', 'bank', '--date', '2025-01-10', '--principal', '10000', '--received', '10000', '--periods', '12', '--installment', '900', ...d])).code).toBe(0);
    const sent = join(data, 'sent.txt');
    await import('node:fs').then((fs) => fs.writeFileSync(sent, '我要投诉催收骚扰。'));
    const add = await runCli(['complaint', 'add', '--channel', 'lender', '--lender', '某某银行', '--date', '2026-01-20', '--how', 'web', '--ref', 'A-1', '--file', sent, '--json', ...d]);
    expect(add.code, add.stderr).toBe(0);
    const c = add.json<{ id: number; deadline: { due_on: string }; document: { sha256: string } }>();
    expect(c.deadline.due_on).toBe('2026-02-04');
    expect(c.document.sha256).toMatch(/^[0-9a-f]{64}$/);
    const list = await runCli(['complaint', 'list', '--json', ...d]);
    expect(list.code).toBe(0);
    expect(list.json<{ id: number; reference: string }[]>()).toMatchObject([{ id: c.id, reference: 'A-1' }]);
    const text = await runCli(['complaint', 'list', ...d]);
    expect(text.stdout).toContain('A-1');
    const ans = await runCli(['complaint', 'answer', String(c.id), '--date', '2026-01-30', '--outcome', 'partial', '--text', '已处理', '--json', ...d]);
    expect(ans.code, ans.stderr).toBe(0);
    expect(ans.json()).toMatchObject({ state: 'answered', answer: { outcome: 'partial' } });
    expect((await runCli(['complaint', 'answer', String(c.id), '--date', '2026-01-30', '--outcome', 'maybe', ...d])).code).toBe(2);
    const ics = join(data, 'r.ics');
    expect((await runCli(['complaint', 'ics', '--out', ics, ...d])).code).toBe(0);
    expect(readFileSync(ics, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
    // The submission and the answer are evidence records: a bundle carries them and verifies.
    const zip = join(data, 'b.zip');
    const ex = await runCli(['export', 'bundle', '--out', zip, ...d]);
    expect(ex.code, ex.stderr).toBe(0);
    const ver = await runCli(['verify', zip, ...d]);
    expect(ver.code, ver.stderr + ver.stdout).toBe(0);
  });
});
