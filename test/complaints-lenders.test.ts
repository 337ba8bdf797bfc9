/** Issue 12 §3 on a real store: one complaint per lender, each to the authority that supervises it; no lender → says so. */
import { afterAll, describe, expect, it } from 'vitest';
import type { OpenedApp } from '../src/app/context.js';
import { proposedComplaints, renderDocument } from '../src/app/documents.js';
import { addLoan, loanFromSimpleTerms } from '../src/app/loans.js';
import { addManualEvent } from '../src/app/timeline.js';
import { engines, openTestApp } from './support/stores.js';

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
const text = async (ctx: Ctx, lender: string | null, channel: string) =>
  (await renderDocument(ctx, { type: 'complaint', channel, lender, format: 'txt' })).bytes.toString('utf8');

for (const engine of engines()) {
  describe(`complaints by lender on ${engine}`, () => {
    it('routes a consumer finance company to 12378 and a microloan company to the local regulator of its province', async () => {
      const ctx = await open(engine);
      const cfc = await addLoan(ctx, loanFromSimpleTerms({ lenderName: '马上消费金融股份有限公司', lenderType: 'consumer_finance', productName: '安逸花', contractDate: '2024-01-10', principalFen: 1_000_000, receivedFen: 1_000_000, periods: 12, installmentFen: 95_000 }));
      const mlc = await addLoan(ctx, loanFromSimpleTerms({ lenderName: '福州奇富网络小额贷款有限公司', lenderType: 'microloan', productName: '360借条', contractDate: '2024-02-10', principalFen: 500_000, receivedFen: 500_000, periods: 6, installmentFen: 90_000 }));
      await sms(ctx, '13900000001', '2024-06-01 10:00', '【安逸花】你已逾期，再不还钱就把你欠钱的事发给你通讯录里所有人');
      await sms(ctx, '13900000002', '2024-06-02 10:00', '【360借条】你已逾期，再不还钱就打电话给你全部通讯录联系人，让你社死');
      const p = await proposedComplaints(ctx);
      const a = p.find((x) => x.lender === `loan:${cfc.loan.id}`)!;
      const b = p.find((x) => x.lender === `loan:${mlc.loan.id}`)!;
      expect(a).toMatchObject({ entity: '马上消费金融股份有限公司', brand: '安逸花', type: 'consumer_finance' });
      expect(a.channels.map((c) => c.id)).toContain('12378');
      expect(a.channels.map((c) => c.id)).not.toContain('local_regulator');
      expect(a.channels.find((c) => c.id === '12378')!.why.zh).toContain('消费金融公司');
      expect(b).toMatchObject({ entity: '福州奇富网络小额贷款有限公司', type: 'microloan', province: '福建省', regulator: '福建省地方金融管理局' });
      expect(b.channels.map((c) => c.id)).toContain('local_regulator');
      expect(b.channels.map((c) => c.id)).not.toContain('12378');
      expect(b.channels.find((c) => c.id === 'local_regulator')!.why.zh).toContain('注册在福建省');

      const ta = await text(ctx, a.lender, '12378');
      expect(ta).toContain('马上消费金融股份有限公司（品牌：安逸花）');
      expect(ta).toContain('致：国家金融监督管理总局（12378）');
      expect(ta).not.toContain('福州奇富');
      const tb = await text(ctx, b.lender, 'local_regulator');
      expect(tb).toContain('致：福建省地方金融管理局');
      expect(tb).toContain('福州奇富网络小额贷款有限公司（品牌：360借条）');
      expect(tb).not.toContain('马上消费金融');
      // By default, a complaint is about one lender.
      const d = await renderDocument(ctx, { type: 'complaint', format: 'txt' });
      expect(d.bytes.toString('utf8')).not.toMatch(/马上消费金融[\s\S]*福州奇富|福州奇富[\s\S]*马上消费金融/);
    });

    it('a complaint with no identified lender says so and how to find out instead of listing every number', async () => {
      const ctx = await open(engine);
      for (let i = 0; i < 5; i++) await sms(ctx, `1380000000${i}`, `2024-06-0${i + 1} 10:00`, '【XX市仲裁委员会】你已逾期，再不还钱就通知你通讯录所有人');
      const p = await proposedComplaints(ctx);
      expect(p.map((x) => x.lender)).toEqual(['unknown']);
      const t = await text(ctx, null, '12378');
      expect(t).toContain('尚未查明');
      for (const w of ['借款合同', '关于我们', '征信']) expect(t).toContain(w);
      expect(t).toContain('共5个');
      expect(t).not.toMatch(/13800000000、13800000001/);
    });
  });
}
