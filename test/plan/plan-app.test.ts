/** Plan use cases on the real stores (SQLite, and PostgreSQL when DATABASE_URL is set). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OpenedApp } from '../../src/app/context.js';
import { addAttachmentFile } from '../../src/app/attachments.js';
import { checkChain } from '../../src/app/evidence.js';
import { addLoan, showLoan, loanFromSimpleTerms } from '../../src/app/loans.js';
import { renderDocument } from '../../src/app/documents.js';
import { addAgreement, addPayment, adoptPlan, getBudget, listAgreements, listDebts, listPayments, makePlan, negotiationAnswers, planIcs, setBudget, setClaim } from '../../src/app/plan.js';
import { addManualEvent, markCollector } from '../../src/app/timeline.js';
import { overview } from '../../src/app/overview.js';
import { engines, openTestApp } from '../support/stores.js';

const opened: OpenedApp[] = [];
afterAll(async () => {
  for (const o of opened) await o.close();
});

for (const engine of engines()) {
  describe(`还款计划 on ${engine}`, () => {
    it('budget → debts (claimed vs supportable) → plan → proposal in the 协商还款申请书 → payment and agreement as evidence → .ics', async () => {
      const o = await openTestApp(engine);
      opened.push(o);
      const { ctx } = o;
      ctx.now = () => Date.UTC(2026, 11, 5, 4, 0, 0);
      const platform = await addLoan(ctx, loanFromSimpleTerms({ lenderName: '速借花', lenderType: 'platform', contractDate: '2024-03-01', principalFen: 1_000_000, receivedFen: 900_000, periods: 12, installmentFen: 100_000 }));
      const card = await addLoan(ctx, loanFromSimpleTerms({ lenderName: '某银行信用卡', lenderType: 'credit_card', contractDate: '2024-05-01', principalFen: 600_000, receivedFen: 600_000, periods: 6, installmentFen: 103_000 }));

      // 总览 proposes the plan among its first steps once there are loans.
      const ov = await overview(ctx);
      expect(ov.next.map((n) => n.page)).toContain('plan');

      // Budget: the defaults until saved; then 6 000 income − (2 000 + 1 500 + 200 + 200 + 100) = 2 000 left.
      expect((await getBudget(ctx)).saved).toBe(false);
      const b = await setBudget(ctx, { income: { salary: 600_000 }, spending: { rent: 200_000, food: 150_000, utilities: 20_000, transport: 20_000, phone: 10_000 }, hardship: [{ kind: 'job_loss', since: '2026-03-01' }] });
      expect(b.totals.surplus_fen).toBe(200_000);
      await expect(setBudget(ctx, { income: { salary: -1 } })).rejects.toMatchObject({ code: 'BAD_INPUT' });

      // A collector of the platform names the amount in an SMS: it becomes the claim until the person enters one.
      await markCollector(ctx, '速借花催收', ['13800138000'], null, platform.loan.id!);
      await addManualEvent(ctx, { kind: 'sms', at: '2026-11-18 10:00', number: '13800138000', text: '【速借花】您的欠款共计14,200.00元已严重逾期，请今日处理。' });
      const fromSms = (await listDebts(ctx)).find((x) => x.loan === platform.loan.id)!;
      expect(fromSms).toMatchObject({ claimed_fen: 1_420_000, claimed_source: 'message', claimed_date: '2026-11-18' });
      expect(fromSms.claimed_event).toBeGreaterThan(0);

      // The lender's demand with penalties: 15 000; supportable stays at the 24 % line.
      await setClaim(ctx, platform.loan.id!, 1_500_000, '2026-11-20');
      const debts = await listDebts(ctx);
      const d = debts.find((x) => x.loan === platform.loan.id)!;
      expect(d.claimed_fen).toBe(1_500_000);
      expect(d.claimed_source).toBe('entered');
      // 85 104 × 12: the 等额本息 annuity of the 9 000 received at 2 % a month.
      expect(d.supportable_fen).toBe(1_021_248);
      expect(d.line_view?.id).toBe('24');
      expect(d.line_view?.citations.length).toBeGreaterThan(0);

      // The plan spends the budget's surplus, from next month.
      const v = await makePlan(ctx, { strategy: 'legal-first' });
      expect(v.plan.monthly_fen).toBe(200_000);
      expect(v.monthly_source).toBe('budget');
      expect(v.plan.start).toBe('2027-01');
      expect(v.fits).toBe(true);
      expect(v.plan.lenders[0]!.loan).toBe(card.loan.id); // cards first
      expect(v.plan.saved_vs_claims_fen).toBe(debts.reduce((a, x) => a + x.claimed_fen, 0) - v.plan.total_fen);
      expect(v.proposals).toHaveLength(2);
      expect((await makePlan(ctx, { monthly_fen: 500_000 })).fits).toBe(false);

      // The proposal's numbers in the letter.
      const answers = await negotiationAnswers(ctx, platform.loan.id!);
      const p = v.proposals.find((x) => x.loan === platform.loan.id)!;
      expect(answers.months).toBe(String(p.months));
      expect(answers.hardship).toBe('2026年3月起失业');
      const letter = await renderDocument(ctx, { type: 'negotiation', loan_id: platform.loan.id!, format: 'txt', answers });
      const text = letter.bytes.toString('utf8');
      expect(text).toContain(`分${p.months}期`);
      expect(text).toContain('15,000.00');

      // Adopt, pay (with a receipt), agree.
      await adoptPlan(ctx, { strategy: 'legal-first' });
      const dir = mkdtempSync(join(tmpdir(), 'huxun-receipt-'));
      writeFileSync(join(dir, 'receipt.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
      const att = await addAttachmentFile(ctx, join(dir, 'receipt.png'), {});
      const pay = await addPayment(ctx, { loan_id: platform.loan.id!, amount_fen: 50_000, date: '2026-12-01', payee: '速借花 App', receipt_sha256: att.sha256 });
      expect(pay.evidence_seq).toBeGreaterThan(0);
      expect((await listPayments(ctx)).map((x) => x.amount_fen)).toEqual([50_000]);
      expect((await showLoan(ctx, platform.loan.id!)).loan.payments).toEqual([{ date: '2026-12-01', amountFen: 50_000, note: '→ 速借花 App' }]);
      await expect(addPayment(ctx, { loan_id: platform.loan.id!, amount_fen: 1, date: '2027-01-01' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
      await expect(addPayment(ctx, { loan_id: 9999, amount_fen: 1, date: '2026-12-01' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

      const ag = await addAgreement(ctx, { loan_id: card.loan.id!, date: '2026-12-03', monthly_fen: 50_000, months: 12, first_date: '2027-01-10' });
      expect(ag.total_fen).toBe(600_000);
      expect(ag.schedule[1]).toEqual({ date: '2027-02-10', amount_fen: 50_000 });
      expect((await showLoan(ctx, card.loan.id!)).loan.agreementDate).toBe('2026-12-03');
      expect(await listAgreements(ctx)).toHaveLength(1);
      expect((await listDebts(ctx)).find((x) => x.loan === card.loan.id)!.agreement).toMatchObject({ months: 12 });

      const chain = await checkChain(ctx);
      expect(chain.ok).toBe(true);

      const ics = await planIcs(ctx);
      expect(ics).toContain('BEGIN:VCALENDAR');
      expect(ics).toContain('DTSTART;VALUE=DATE:20270110');
    });
  });
}
