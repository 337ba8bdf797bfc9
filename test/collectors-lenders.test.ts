/**
 * Issue 12 §2 on a real store: collectors linked to lenders only through the registry, loans of the case or the
 * person; authorities in signatures are claims (and cn.impersonation cites them); service messages are no
 * collector; mark / unmark / choose a loan; a contact's report reaches the 亲友 page.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { OpenedApp } from '../src/app/context.js';
import { listFindings } from '../src/app/findings.js';
import { addLoan, loanFromSimpleTerms } from '../src/app/loans.js';
import { addManualEvent, listCollectorsView, listContactsView, markCollector, queryEvents, reportContact, setCollectorLoan, unmarkCollector } from '../src/app/timeline.js';
import { iterateEvidence } from '../src/store/repo.js';
import { engines, openTestApp } from './support/stores.js';

async function listEvidence(ctx: Ctx) {
  const out: { kind: string; payload: unknown }[] = [];
  for await (const r of iterateEvidence(ctx.store.db, ctx.caseId)) out.push({ kind: r.kind, payload: JSON.parse(r.payload) });
  return out;
}

const opened: OpenedApp[] = [];
afterAll(async () => {
  for (const o of opened) await o.close();
});

async function open(engine: 'sqlite' | 'postgres') {
  const o = await openTestApp(engine);
  opened.push(o);
  return o.ctx;
}

type Ctx = Awaited<ReturnType<typeof open>>;
const sms = (ctx: Ctx, number: string, at: string, text: string) => addManualEvent(ctx, { kind: 'sms', at, number, text });

for (const engine of engines()) {
  describe(`collectors and lenders on ${engine}`, () => {
    it('links no impersonated authority as a lender; the claims feed cn.impersonation', async () => {
      const ctx = await open(engine);
      await sms(ctx, '13800000001', '2024-06-01 10:00', '【XX市仲裁委员会】您的借款已逾期，我委将依法裁决。');
      await sms(ctx, '13800000002', '2024-06-02 10:00', '【司法协作中心】您的案件已移交，请尽快处理欠款。');
      await sms(ctx, '13800000003', '2024-06-03 10:00', '【法务部】您的欠款已逾期90天，再不还款将起诉。');
      await sms(ctx, '13800000004', '2024-06-04 10:00', '再不还款银行将起诉你，你因贷款逾期已被列入黑名单');
      const cols = await listCollectorsView(ctx);
      expect(cols.flatMap((c) => c.numbers).sort()).toEqual(['13800000001', '13800000002', '13800000003', '13800000004']);
      for (const c of cols) {
        expect(c.lender).toBeNull();
        expect(c.lender_entity_id).toBeNull();
        expect(c.needs_loan).toBe(true);
        expect(c.name).not.toMatch(/再不还款银行|因贷款/);
      }
      const claims = cols.flatMap((c) => c.claims).sort();
      expect(claims).toEqual(['XX市仲裁委员会', '司法协作中心', '法务部'].sort());
      // 【法务部】 is not labelled impersonation by the classifier; its claim labels it.
      const legal = (await queryEvents(ctx)).find((e) => e.number === '13800000003')!;
      expect(legal.labels).toContain('impersonation');
      expect(legal.spans['impersonation']).toEqual([[0, 5]]);
      const imp = new Set((await listFindings(ctx)).filter((f) => f.rule === 'cn.impersonation').flatMap((f) => f.events));
      const claimed = (await queryEvents(ctx)).filter((e) => ['13800000001', '13800000002', '13800000003'].includes(e.number ?? ''));
      expect(claimed).toHaveLength(3);
      for (const e of claimed) expect(imp.has(e.id), e.text ?? '').toBe(true);
    });

    it('takes a brand in a 【】 signature for the registry entity and links the loan of the case', async () => {
      const ctx = await open(engine);
      const loan = await addLoan(ctx, loanFromSimpleTerms({ lenderName: '招联消费金融股份有限公司', lenderType: 'consumer_finance', contractDate: '2024-01-10', principalFen: 1_000_000, receivedFen: 1_000_000, periods: 12, installmentFen: 95_000 }));
      await sms(ctx, '13900000001', '2024-06-01 10:00', '【招联金融】您的借款已逾期，请尽快还款。');
      await sms(ctx, '13900000002', '2024-06-01 11:00', '【安逸花】您的借款已逾期3天，逾期将影响您的征信，请立即还款。');
      const cols = await listCollectorsView(ctx);
      const zl = cols.find((c) => c.numbers.includes('13900000001'))!;
      expect(zl).toMatchObject({ lender_entity: '招联消费金融股份有限公司', lender_entity_id: 'cfc.zhaolian', lender_source: 'signature', loan_id: loan.loan.id, needs_loan: false, lender_type: 'consumer_finance' });
      const ay = cols.find((c) => c.numbers.includes('13900000002'))!;
      expect(ay).toMatchObject({ lender: '安逸花', lender_brand: '安逸花', lender_entity: '马上消费金融股份有限公司', lender_source: 'signature', loan_id: null, needs_loan: true });
    });

    it('does not take bank verification codes, salary or statement messages for a collector; the person marks and unmarks', async () => {
      const ctx = await open(engine);
      await sms(ctx, '95533', '2024-06-01 09:00', '【建设银行】您的验证码是834121，您正在进行借款操作，切勿告知他人。');
      await sms(ctx, '95511', '2024-06-01 09:10', '【平安银行】您尾号6677账户06月01日代发工资收入12,000.00元，余额13,455.20元。');
      await sms(ctx, '95188', '2024-06-02 09:00', '【借呗】您本月应还款1,200元，还款日为06月15日，请确保账户余额充足。');
      await sms(ctx, '10690000', '2024-06-02 09:30', '征信修复、网贷逾期协商停催，专业团队，详询V:abc123');
      await sms(ctx, '13700000001', '2024-06-03 10:00', '您的借款已逾期，请立即还款，否则通知你的紧急联系人。');
      expect((await listCollectorsView(ctx)).flatMap((c) => c.numbers)).toEqual(['13700000001']);

      // "Not a collector", as easily as the reverse; kept across regrouping; an evidence record.
      await unmarkCollector(ctx, ['137 0000 0001']);
      expect(await listCollectorsView(ctx)).toEqual([]);
      await sms(ctx, '13700000001', '2024-06-04 10:00', '您的借款已逾期，请立即还款。');
      expect(await listCollectorsView(ctx)).toEqual([]);
      const id = await markCollector(ctx, '', ['13700000001'], null);
      const cols = await listCollectorsView(ctx);
      expect(cols).toEqual([expect.objectContaining({ id, numbers: ['13700000001'], marked_by_user: true, lender: null, needs_loan: true })]);
      const ev = (await listEvidence(ctx)).filter((r) => r.kind === 'collector').map((r) => (r.payload as { action: string }).action);
      expect(ev).toEqual(['not_collector', 'mark']);
    });

    it('asks for the loan of a collector with no known lender; the person\'s choice wins and is an evidence record', async () => {
      const ctx = await open(engine);
      const loan = await addLoan(ctx, loanFromSimpleTerms({ lenderName: '福州奇富网络小额贷款有限公司', lenderType: 'microloan', productName: '360借条', contractDate: '2024-01-10', principalFen: 500_000, receivedFen: 500_000, periods: 6, installmentFen: 90_000 }));
      await sms(ctx, '13600000001', '2024-06-01 10:00', '【XX调解中心】您的欠款案件已进入调解程序，请于今日联系处理。');
      let [c] = await listCollectorsView(ctx);
      expect(c).toMatchObject({ lender: null, needs_loan: true, claims: ['XX调解中心'] });
      c = await setCollectorLoan(ctx, c!.id, loan.loan.id!);
      expect(c).toMatchObject({ lender: '福州奇富网络小额贷款有限公司', loan_id: loan.loan.id, lender_source: 'user', needs_loan: false });
      // A new message regroups: the choice stays.
      await sms(ctx, '13600000001', '2024-06-02 10:00', '【XX市人民法院】你的欠款案件已立案，请今日处理。');
      expect((await listCollectorsView(ctx)).find((x) => x.numbers.includes('13600000001'))).toMatchObject({ loan_id: loan.loan.id, lender_source: 'user', claims: ['XX市人民法院', 'XX调解中心'] });
      const rec = (await listEvidence(ctx)).filter((r) => r.kind === 'collector').map((r) => r.payload as { action: string; loan_id: number });
      expect(rec).toEqual([expect.objectContaining({ action: 'choose_loan', loan_id: loan.loan.id })]);
    });

    it('a contact\'s report links that contact: the 亲友 page lists them as reached', async () => {
      const ctx = await open(engine);
      await reportContact(ctx, { contact: '表姐', at: '2024-06-05 20:00', number: '13800000009', text: '有人打电话给我说你欠钱' });
      await reportContact(ctx, { contact: '13911112222', at: '2024-06-06 20:00', text: '催收给我发短信了' });
      const reached = await listContactsView(ctx, true);
      expect(reached.map((c) => c.name).sort()).toEqual(['13911112222', '表姐']);
      expect(reached.every((c) => c.touched && c.events.length === 1)).toBe(true);
    });
  });
}
