/** Issue 16 evidence report: night calls and a call flood on a real store → the report's tables, PDF text and chain head. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OpenedApp } from '../../src/app/context.js';
import { checkChain } from '../../src/app/evidence.js';
import { evidenceReport, evidenceReportPdf } from '../../src/app/report.js';
import { addManualEvent } from '../../src/app/timeline.js';
import { reportChartSvg } from '../../src/render/report-pdf.js';
import { engines, openTestApp } from '../support/stores.js';

const opened: OpenedApp[] = [];
afterAll(async () => {
  for (const o of opened) await o.close();
});

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'huxun-report-'));
  const f = join(dir, 'r.pdf');
  writeFileSync(f, bytes);
  return execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' });
}

for (const engine of engines()) {
  describe(`evidence report on ${engine}`, () => {
    it('lists night contacts and call floods, contacts reached, findings and the chain head', async () => {
      const o = await openTestApp(engine);
      opened.push(o);
      const ctx = o.ctx;
      ctx.now = () => Date.parse('2026-03-01T02:00:00Z');
      const n = '13900000001';
      await addManualEvent(ctx, { kind: 'sms', at: '2026-02-10 10:00', number: n, text: '【速借花】你已逾期，再不还钱就把你欠钱的事发给你通讯录里所有人' });
      await addManualEvent(ctx, { kind: 'sms', at: '2026-02-10 23:40', number: n, text: '【速借花】你已逾期，今天必须还款，否则联系你的家人' });
      await addManualEvent(ctx, { kind: 'call', at: '2026-02-11 23:15', number: n, duration_s: 30 });
      await addManualEvent(ctx, { kind: 'call', at: '2026-02-12 06:50', number: n, duration_s: 20 });
      for (let i = 0; i < 12; i++) await addManualEvent(ctx, { kind: 'call', at: `2026-02-13 ${String(9 + (i >> 1)).padStart(2, '0')}:${i % 2 ? '30' : '05'}`, number: n, duration_s: 15 });

      const r = await evidenceReport(ctx);
      const rules = r.findings.map((f) => f.rule);
      expect(rules).toContain('cn.night-contact');
      expect(rules).toContain('cn.call-flood');
      expect(r.period).toEqual({ from: '2026-02-10', to: '2026-02-13' });
      expect(r.days.map((d) => [d.date, d.calls, d.messages])).toEqual([['2026-02-10', 0, 2], ['2026-02-11', 1, 0], ['2026-02-12', 1, 0], ['2026-02-13', 12, 0]]);
      expect(r.night.map((x) => [x.date, x.times.join(' ')])).toEqual([['2026-02-10', '23:40'], ['2026-02-11', '23:15'], ['2026-02-12', '06:50']]);
      expect(r.flood.some((f) => f.date === '2026-02-13' && f.calls >= 6)).toBe(true);
      const chain = await checkChain(ctx);
      expect(r.chain).toEqual({ head: chain.head, count: chain.count, ok: true });

      const svg = reportChartSvg(r.days, 'zh');
      expect(svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
      expect(svg).toContain('来电');

      const pdf = await evidenceReportPdf(ctx, 'zh');
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(pdf.bytes);
      const flat = text.replace(/\s+/g, '');
      expect(text).toContain('催收情况证据报告');
      expect(text).toContain('每日催收来电和短信');
      expect(text).toContain('夜间联系（22:00至次日8:00）');
      expect(text).toMatch(/2026-02-11\s+1\s+0\s+23:15/);
      expect(text).toMatch(/2026-02-12\s+1\s+0\s+06:50/);
      expect(text).toContain('呼叫轰炸');
      expect(text).toMatch(/2026-02-13\s+未知催收方 139\*{4}0001\s+12\s+12\s+0/);
      expect(text).toContain('违规发现');
      expect(flat).toContain(chain.head!);
      expect(text).toContain('huxun verify');
      expect(text).not.toContain('未核实');

      const en = pdfText((await evidenceReportPdf(ctx, 'en')).bytes);
      expect(en).toContain('Night contacts (22:00–08:00)');
      expect(en.replace(/\s+/g, '')).toContain(chain.head!);
    });
  });
}
