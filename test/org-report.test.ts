/**
 * Organisation reports (issue 15) on several real cases in one store, SQLite and PostgreSQL: the case list (status,
 * next step, findings by rule, collectors' lenders) and the per-lender report (counts from the cases' findings,
 * anonymised unless the borrower consented, only the cases asked for, no numbers or contact names).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { forCase, type AppContext, type OpenedApp } from '../src/app/context.js';
import { addComplaint } from '../src/app/followup.js';
import { addLoan, loanFromSimpleTerms } from '../src/app/loans.js';
import { caseSummaries, digestStats, lenderReport, lenderReportText, setOrgReportConsent } from '../src/app/org-report.js';
import { addManualEvent, markCollector, reportContact } from '../src/app/timeline.js';
import { openStore } from '../src/store/db.js';
import * as repo from '../src/store/repo.js';
import { CASE_SUMMARY_COLUMNS, LENDER_REPORT_COLUMNS } from '../src/shared/org.js';
import { engines, openTestApp } from './support/stores.js';

const opened: OpenedApp[] = [];
afterAll(async () => {
  for (const o of opened) await o.close();
});

type Msg = [at: string, text: string | null, kind?: 'sms' | 'call'];

async function newCase(base: AppContext, name: string): Promise<AppContext> {
  const id = await repo.createCase(base.store.db, name, base.tz, Date.now(), null);
  const ctx = (await forCase(base, id))!;
  ctx.now = () => Date.parse('2026-01-20T02:00:00Z');
  return ctx;
}

/** One borrower: a loan, a collector of its lender texting and calling, perhaps a contact reached. */
async function borrower(ctx: AppContext, lender: string, type: 'microloan' | 'private', number: string, msgs: Msg[], friend?: string) {
  const loan = await addLoan(ctx, loanFromSimpleTerms({ lenderName: lender, lenderType: type, contractDate: '2025-03-01', principalFen: 1_000_000, receivedFen: 900_000, periods: 12, installmentFen: 120_000 }));
  for (const [at, text, kind] of msgs) await addManualEvent(ctx, { kind: kind ?? 'sms', at, number, text });
  if (friend) await reportContact(ctx, { contact: friend, number, at: '2026-01-06 12:00', kind: 'call', text: '催收打电话给我说你欠钱不还' });
  await markCollector(ctx, `${lender}催收`, [number], null, loan.loan.id!);
}

const calls = (day: string, n: number): Msg[] => Array.from({ length: n }, (_, i) => [`${day} ${String(10 + i).padStart(2, '0')}:00`, null, 'call']);

for (const engine of engines()) {
  describe(`organisation reports on ${engine}`, () => {
    it('lists cases and reports per lender from the findings, anonymised unless consented, only the cases asked for', async () => {
      const o = await openTestApp(engine);
      opened.push(o);
      const a = await newCase(o.ctx, '张三');
      const b = await newCase(o.ctx, '李四');
      const c = await newCase(o.ctx, '王五');
      const d = await newCase(o.ctx, '不在名单里的案件');
      const e = await newCase(o.ctx, '赵六');
      // 速借花 in A (threats to tell contacts ×3, insults ×3, one at night, a night call, a friend reached) and B
      // (false legal claims ×3, a flood of 8 answered calls in a day); 快易借 in C (insults ×3); D is not asked for.
      await borrower(a, '速借花', 'microloan', '17012345678', [
        ['2026-01-05 10:00', '再不还钱就把你欠钱的事发给你通讯录里所有人'],
        ['2026-01-06 10:00', '今天不还就把你欠钱的事发给你通讯录里所有人'],
        ['2026-01-07 10:00', '最后通知，不还就把你欠钱的事发到你的通讯录'],
        ['2026-01-05 23:30', '你这个老赖，不要脸的东西'],
        ['2026-01-06 11:00', '你这种骗子，借钱不还的垃圾'],
        ['2026-01-07 11:00', '你这个废物，老赖'],
        ['2026-01-06 23:10', null, 'call'],
      ], '李明');
      await borrower(b, '速借花', 'microloan', '17100001111', [
        ['2026-01-05 11:00', '你已被列入失信被执行人名单，法院明天就来强制执行'],
        ['2026-01-06 11:00', '法务部：您的案件已移交法院立案，将冻结你的银行卡'],
        ['2026-01-08 11:00', '你已被列入失信被执行人名单，法院将冻结你的银行卡'],
        ...calls('2026-01-07', 8),
      ]);
      await borrower(c, '快易借', 'microloan', '17200002222', [['2026-01-08 09:30', '你这个废物，骗子'], ['2026-01-09 09:30', '你这个老赖，不要脸'], ['2026-01-10 09:30', '借钱不还的垃圾，骗子']]);
      await borrower(d, '速借花', 'microloan', '17300003333', [
        ['2026-01-05 10:00', '再不还钱就把你欠钱的事发给你通讯录里所有人'],
        ['2026-01-06 10:00', '今天不还就把你欠钱的事发给你通讯录里所有人'],
        ['2026-01-07 10:00', '最后通知，不还就把你欠钱的事发到你的通讯录'],
        ['2026-01-05 23:50', '老赖去死'],
      ], '赵敏');
      await borrower(e, '王小二', 'private', '13900009999', [['2026-01-05 10:00', '不还钱就找人上门打断你的腿']]);
      await setOrgReportConsent(b, true);
      await setOrgReportConsent(c, false);
      await addComplaint(a, { channel: 'lender', lender: `loan:${(await repo.listLoans(a.store.db, a.caseId))[0]!.id}`, submitted_on: '2026-01-10', method: 'app', reference: 'TS-1', text: '投诉催收骚扰' });

      const ids = [a.caseId, b.caseId, c.caseId, e.caseId, 99_999];
      const report = await lenderReport(o.ctx.store, ids, new Set([b.caseId, c.caseId, d.caseId]));
      const zero = { contacts_reached_cases: 0, threats: 0, insults: 0, false_legal_claims: 0, night_contacts: 0, flood_days: 0 };
      // Tokens follow ascending case ids among the four asked for: A1 = a, A2 = b, A3 = c, A4 = e. B consented (its own
      // setting and the caller's set); C is in the caller's set but its borrower said no; D is not asked for at all.
      expect(report).toMatchObject({ cases: 4, consented: 1 });
      expect(report.lenders).toEqual([
        // A: threats to tell contacts ×3, insults ×3, a night message and a night call, a friend reached; B: false legal ×3, 8 calls in a day.
        { key: 'name:速借花', lender: '速借花', cases: 2, collectors: 2, contacts_reached_cases: 1, threats: 3, insults: 3, false_legal_claims: 3, night_contacts: 2, flood_days: 1, calls: 9, messages: 9, case_refs: ['案件 A1', '李四'] },
        // One message that threatens violence and a visit: one event, one threat.
        { key: 'private', lender: '个人出借人（不显示姓名）', cases: 1, collectors: 1, ...zero, threats: 1, calls: 0, messages: 1, case_refs: ['案件 A4'] },
        { key: 'name:快易借', lender: '快易借', cases: 1, collectors: 1, ...zero, insults: 3, calls: 0, messages: 3, case_refs: ['案件 A3'] },
      ]);
      // Every column has its Chinese heading, and every heading a column.
      expect(Object.keys(LENDER_REPORT_COLUMNS).sort()).toEqual(Object.keys(report.lenders[0]!).filter((k) => k !== 'key').sort());
      const printed = lenderReportText(report);
      expect(printed.split('\n')[2]).toBe(Object.values(LENDER_REPORT_COLUMNS).map((c) => c.zh).join('\t'));
      expect(printed).toContain('速借花\t2\t2\t1\t3\t3\t3\t2\t1\t9\t9\t案件 A1、李四');
      const text = JSON.stringify(report) + printed + lenderReportText(report, 'en');
      for (const s of ['17012345678', '17100001111', '17200002222', '17300003333', '13900009999', '李明', '赵敏', '王小二', '张三', '王五', '赵六', '不在名单里的案件']) expect(text).not.toContain(s);
      // Without the caller's consent set, nobody is named even with the borrower's setting.
      expect((await lenderReport(o.ctx.store, ids, new Set())).lenders[0]!.case_refs).toEqual(['案件 A1', '案件 A2']);

      const list = await caseSummaries(o.ctx.store, ids);
      expect(list.map((x) => [x.case_id, x.name, x.status, x.next_step?.kind ?? null, x.lenders, x.events, x.collectors])).toEqual([
        [a.caseId, '张三', 'complaint_open', 'wait', ['速借花'], 8, 1],
        [b.caseId, '李四', 'to_complain', 'complain', ['速借花'], 11, 1],
        [c.caseId, '王五', 'to_complain', 'complain', ['快易借'], 3, 1],
        [e.caseId, '赵六', 'to_complain', 'complain', ['个人出借人（不显示姓名）'], 1, 1],
      ]);
      for (const k of Object.keys(CASE_SUMMARY_COLUMNS)) expect(list[0]).toHaveProperty(k);
      const byRule = Object.fromEntries(list[0]!.findings.by_rule.map((r) => [r.rule, r.events]));
      expect(byRule).toMatchObject({ 'cn.threat-contacts': 3, 'cn.insult': 3, 'cn.night-contact': 2, 'cn.third-party-contact': 1 });
      expect(list[0]!.findings.total).toBe(list[0]!.findings.by_rule.reduce((n, r) => n + r.findings, 0));
      expect(list[0]!.last_activity).toBe(a.now());
      expect(list[1]!.next_step?.title.zh).toMatch(/^可以投诉：/);
      const bySeverity = list[3]!.findings.by_severity;
      expect(bySeverity.critical).toBe(1); // threat of violence

      // The findings engine ran once per case above; a second page comes from the cache until a case changes.
      digestStats.computed = digestStats.cached = 0;
      await caseSummaries(o.ctx.store, ids);
      expect(digestStats).toEqual({ computed: 0, cached: 4 });
      await addManualEvent(c, { kind: 'sms', at: '2026-01-11 09:30', number: '17200002222', text: '你这个老赖，骗子' });
      digestStats.computed = digestStats.cached = 0;
      const again = await lenderReport(o.ctx.store, ids, new Set());
      expect(digestStats).toEqual({ computed: 1, cached: 3 });
      expect(again.lenders.find((l) => l.key === 'name:快易借')).toMatchObject({ insults: 4, messages: 4 });
      expect(await caseSummaries(o.ctx.store, [d.caseId + 1000])).toEqual([]);
      if (engine === 'sqlite') {
        // Another process on the same database (a restarted server) reads the digests kept with the cases.
        const other = await openStore({ dataDir: o.ctx.dataDir });
        try {
          digestStats.computed = digestStats.cached = 0;
          expect((await lenderReport(other, ids, new Set())).lenders).toEqual(again.lenders);
          expect(digestStats).toEqual({ computed: 0, cached: 4 });
        } finally {
          await other.close();
        }
      }
    }, 120_000);
  });
}
