/**
 * Issue 16, letters, on a real store: the facts count calls (answered and missed, the busiest day, night contacts and
 * flood days as the rules found them), a letter to a regulator leads with the rules that regulator enforces on the
 * lender's type, and a complaint with many collectors and events stays within 2–4 pages (measured with the real
 * renderer and pdftotext), the evidence index and the event list following as an annex.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppContext, OpenedApp } from '../src/app/context.js';
import { renderDocument } from '../src/app/documents.js';
import { runFindings } from '../src/app/findings.js';
import { importFiles } from '../src/app/import.js';
import { addLoan, loanFromSimpleTerms } from '../src/app/loans.js';
import { addManualEvent, markCollector } from '../src/app/timeline.js';
import { callsXml, type CallSpec } from './support/backup.js';
import { engines, openTestApp } from './support/stores.js';

const opened: OpenedApp[] = [];
afterAll(async () => {
  for (const o of opened) await o.close();
});
const dir = mkdtempSync(join(tmpdir(), 'huxun-letters-'));

/** Epoch ms of a Beijing local time "2026-02-13 09:05". */
const bj = (s: string) => Date.parse(`${s.replace(' ', 'T')}:00+08:00`);
const hh = (n: number) => String(n).padStart(2, '0');

let files = 0;
async function importCalls(ctx: AppContext, calls: CallSpec[]) {
  const f = join(dir, `calls-${++files}.xml`);
  writeFileSync(f, callsXml(calls));
  await importFiles(ctx, [f]); // regroups collectors, so the calls join the collector of their number
}

export function pdfPages(bytes: Buffer): string[] {
  const f = join(dir, `doc-${++files}.pdf`);
  writeFileSync(f, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
}

async function open(engine: 'sqlite' | 'postgres') {
  const o = await openTestApp(engine);
  opened.push(o);
  o.ctx.now = () => Date.parse('2026-03-01T02:00:00Z');
  return o.ctx;
}

const ANSWERS = { borrower_name: '李明', borrower_phone: '13600006666', borrower_id_last4: '123X', borrower_city: '杭州市', loan_account: 'HT2026001', collection_agency: '某某信息咨询有限公司' };
const txt = async (ctx: AppContext, lender: string | null, channel: string) =>
  (await renderDocument(ctx, { type: 'complaint', channel, lender, format: 'txt', answers: ANSWERS })).bytes.toString('utf8');
/** The text of a letter section: from its heading to the next one. */
const section = (t: string, title: string) => {
  const a = t.indexOf(title);
  expect(a, title).toBeGreaterThanOrEqual(0);
  const rest = t.slice(a + title.length);
  const b = rest.search(/\n[一二三四五六七八九十]+、/);
  return b < 0 ? rest : rest.slice(0, b);
};

for (const engine of engines()) {
  describe(`letters on ${engine}`, () => {
    it('a case with night calls and floods: the complaint lists them, with the counts the rules found', async () => {
      const ctx = await open(engine);
      const loan = await addLoan(ctx, loanFromSimpleTerms({ lenderName: '马上消费金融股份有限公司', lenderType: 'consumer_finance', productName: '安逸花', contractDate: '2025-06-10', principalFen: 1_000_000, receivedFen: 1_000_000, periods: 12, installmentFen: 90_000 }));
      const n = '13900000001';
      await addManualEvent(ctx, { kind: 'sms', at: '2026-02-10 10:00', number: n, text: '【安逸花】你已逾期，再不还钱就把你欠钱的事发给你通讯录里所有人' });
      const calls: CallSpec[] = [
        { number: n, date: bj('2026-02-11 23:15'), type: 1, duration: 30 }, // at night, answered
        { number: n, date: bj('2026-02-12 06:50'), type: 3, duration: 0 }, // at night, missed
      ];
      for (let i = 0; i < 9; i++) calls.push({ number: n, date: bj(`2026-02-13 ${hh(9 + i)}:05`), type: 3, duration: 0 }); // 9 attempts unanswered
      for (let i = 0; i < 8; i++) calls.push({ number: n, date: bj(`2026-02-14 ${hh(9 + i)}:10`), type: 3, duration: 0 }); // 8
      for (let i = 0; i < 4; i++) calls.push({ number: n, date: bj(`2026-02-15 ${hh(10 + i)}:20`), type: 1, duration: 40 }); // 4 answered
      await importCalls(ctx, calls);

      // The rules' own findings: the letter must say what they say.
      const { findings } = await runFindings(ctx);
      const night = findings.find((f) => f.rule === 'cn.night-contact')!;
      expect(night.count).toBe(2);
      const floods = findings.filter((f) => f.rule === 'cn.call-flood');
      expect(floods.map((f) => [f.details?.['kind'], (f.details?.['days'] as { date: string }[]).map((d) => d.date)]).sort()).toEqual([
        ['answered', ['2026-02-15']],
        ['unanswered', ['2026-02-13', '2026-02-14']],
      ]);

      const t = await txt(ctx, `loan:${loan.loan.id}`, '12378');
      const facts = section(t, '四、事实经过');
      expect(facts).toContain('2026年2月10日至2026年2月15日，催收方用1个号码给我打来电话23次（我接听5次，未接或拒接18次），发来短信或消息1条。');
      expect(facts).toContain('有来电的5天里平均每天4.6次，最多的一天（2026年2月13日）打来9次。');
      expect(facts).toContain('其中2次电话在夜间22:00至次日8:00之间，分布在2天（2026年2月11日至2026年2月12日）。');
      expect(facts).toContain('在我未接听的情况下，有2天一天内拨打超过6次（2026年2月13日、2026年2月14日），最多一天9次。');
      expect(facts).toContain('有1天接通的催收电话超过3次（2026年2月15日），最多一天4次。');
      // By collector: calls, answered / missed, messages, night contacts.
      expect(facts).toMatch(/号码：13900000001；放贷机构：[^；]+；来电：23；接听\/未接：5 \/ 18；短信：1；夜间：2/);
      const rules = section(t, '五、违反的规定');
      expect(rules).toContain('（2026年2月11日至2026年2月12日）：共2次，都是电话，涉及2天。');
      expect(rules).toContain('有2天在我未接听时一天拨打超过6次（最多一天9次）；有1天接通的催收电话一天超过3次（最多一天4次）。');
      // The short online text carries the calls too.
      const short = (await renderDocument(ctx, { type: 'complaint', channel: '12378', lender: `loan:${loan.loan.id}`, format: 'txt', length: 'short', answers: ANSWERS })).bytes.toString('utf8');
      expect([...short].length).toBeLessThanOrEqual(500);
      expect(short).toContain('打来电话23次');
    });

    it('a letter to a regulator leads with the rules it enforces on the lender’s type: microloan, consumer finance, credit card; to the police, statutes', async () => {
      const ctx = await open(engine);
      const micro = await addLoan(ctx, loanFromSimpleTerms({ lenderName: '福州奇富网络小额贷款有限公司', lenderType: 'microloan', productName: '360借条', contractDate: '2025-02-10', principalFen: 500_000, receivedFen: 500_000, periods: 6, installmentFen: 90_000 }));
      const cfc = await addLoan(ctx, loanFromSimpleTerms({ lenderName: '马上消费金融股份有限公司', lenderType: 'consumer_finance', productName: '安逸花', contractDate: '2025-01-10', principalFen: 1_000_000, receivedFen: 1_000_000, periods: 12, installmentFen: 90_000 }));
      const card = await addLoan(ctx, loanFromSimpleTerms({ lenderName: '某某银行信用卡中心', lenderType: 'credit_card', contractDate: '2024-01-10', principalFen: 2_000_000, receivedFen: 2_000_000, periods: 24, installmentFen: 95_000 }));
      const threat = '你已逾期，再不还钱就把你欠钱的事发给你通讯录里所有人，明天上门找你';
      const people = [
        ['13900000011', micro.loan.id, '奇富催收'],
        ['13900000022', cfc.loan.id, '马上催收'],
        ['13900000033', card.loan.id, '信用卡催收'],
      ] as const;
      for (const [n] of people) await addManualEvent(ctx, { kind: 'sms', at: '2026-02-10 10:00', number: n, text: threat });
      await addManualEvent(ctx, { kind: 'sms', at: '2026-02-11 10:00', number: '13900000022', text: '再不还钱就找人打断你的腿' });
      for (const [n, loanId, name] of people) await markCollector(ctx, name, [n], null, loanId);

      const lead = (t: string, type: string) => {
        const rules = section(t, '五、违反的规定');
        const head = `${type}应当遵守的监管规定：`;
        expect(rules, type).toContain(head);
        return rules.slice(rules.indexOf(head) + head.length).trim();
      };
      const tm = await txt(ctx, `loan:${micro.loan.id}`, 'local_regulator');
      expect(tm).toContain('福州奇富网络小额贷款有限公司');
      expect(lead(tm, '小额贷款公司')).toMatch(/^《关于规范整顿“现金贷”业务的通知》第五项：“各类机构或受委托的第三方机构不得采用暴力、恐吓、侮辱、诽谤、骚扰等手段催收贷款。”/);
      const tc = await txt(ctx, `loan:${cfc.loan.id}`, '12378');
      expect(lead(tc, '消费金融公司')).toMatch(/^《消费金融公司管理办法》第五十六条：/);
      const tk = await txt(ctx, `loan:${card.loan.id}`, '12378');
      expect(lead(tk, '信用卡发卡银行')).toMatch(/^《商业银行信用卡业务监督管理办法》第六十八条：/);
      // Then the statutes, after the lending rules.
      for (const t of [tm, tc, tk]) {
        const rules = section(t, '五、违反的规定');
        const after = rules.indexOf('上述行为同时违反以下法律和标准：');
        const statute = rules.search(/\n《中华人民共和国/);
        if (statute >= 0) expect(statute).toBeGreaterThan(after);
      }
      // To the police: the statutes they apply, no lending rules.
      const tp = await txt(ctx, null, 'police');
      const pr = section(tp, '五、涉嫌违法的行为');
      expect(pr).toContain('相关法律规定如下：');
      for (const tier of ['（部门规章）', '（规范性文件）', '（国家推荐性标准）', '（行业自律规范）']) expect(pr).not.toContain(tier);
      expect(pr).toMatch(/相关法律规定如下：\s*《[^\n]+（法律）/);
    });

    it('a complaint with many collectors and events fits in 2–4 pages; the evidence index and the events follow as 附件', async () => {
      const ctx = await open(engine);
      const loan = await addLoan(ctx, loanFromSimpleTerms({ lenderName: '马上消费金融股份有限公司', lenderType: 'consumer_finance', productName: '安逸花', contractDate: '2025-06-10', principalFen: 1_000_000, receivedFen: 1_000_000, periods: 12, installmentFen: 95_000 }));
      const numbers = Array.from({ length: 24 }, (_, i) => `1390000${String(1000 + i)}`);
      const calls: CallSpec[] = [];
      for (const [i, n] of numbers.entries()) {
        await addManualEvent(ctx, { kind: 'sms', at: `2026-02-${hh(1 + (i % 20))} 10:${hh(i)}`, number: n, text: `【安逸花】你已逾期${i + 3}天，再不还钱就联系你通讯录里所有人，明天上门` });
        for (let d = 0; d < 20; d++) {
          calls.push({ number: n, date: bj(`2026-02-${hh(1 + d)} ${hh(8 + (i % 12))}:${hh(d)}`), type: d % 3 ? 3 : 1, duration: d % 3 ? 0 : 25 });
          if (d % 5 === 0) calls.push({ number: n, date: bj(`2026-02-${hh(1 + d)} 23:${hh(i)}`), type: 3, duration: 0 });
        }
      }
      await importCalls(ctx, calls);
      for (const [i, n] of numbers.entries()) await markCollector(ctx, `催收员${i + 1}`, [n], null, loan.loan.id);

      const d = await renderDocument(ctx, { type: 'complaint', channel: '12378', lender: `loan:${loan.loan.id}`, format: 'pdf', answers: ANSWERS, for: 'send' });
      const pages = pdfPages(d.bytes);
      const annexAt = pages.findIndex((p) => p.trim().startsWith('附件一：证据清单'));
      expect(annexAt, 'the annex starts on a page of its own').toBeGreaterThan(0);
      expect(annexAt, `the letter has ${annexAt} pages`).toBeGreaterThanOrEqual(2);
      expect(annexAt).toBeLessThanOrEqual(4);
      const letter = pages.slice(0, annexAt).join('\n').replace(/\s+/g, '');
      const annex = pages.slice(annexAt).join('\n').replace(/\s+/g, '');
      // The letter counts per collector (the first few by name, the rest summed) and lists the attachments.
      expect(letter).toContain('打来电话576次（我接听168次，未接或拒接408次）');
      expect(letter).toContain('其余18个催收方');
      for (const w of ['附件一：证据清单', '附件二：催收号码明细（24个催收方）', '附件三：催收记录明细']) expect(letter).toContain(w);
      // The annex has every collector and the event list.
      expect(annex).toContain('附件二：催收号码明细');
      expect(annex).toContain('催收员24');
      expect(annex).toContain('附件三：催收记录明细');
      expect(pages.length).toBeGreaterThan(annexAt + 1);
    });
  });
}
