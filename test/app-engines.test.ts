/** The same use cases on both engines: import, derived data, findings, loans, evidence chain. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OpenedApp } from '../src/app/context.js';
import { checkChain } from '../src/app/evidence.js';
import { listFindings } from '../src/app/findings.js';
import { importFiles } from '../src/app/import.js';
import { addLoan, listLoans, loanFromSimpleTerms } from '../src/app/loans.js';
import { listCollectorsView, listContactsView, queryEvents } from '../src/app/timeline.js';
import { overview } from '../src/app/overview.js';
import { callsXml, sampleCase, smsXml, vcard } from './support/backup.js';
import { engines, openTestApp } from './support/stores.js';

const opened: OpenedApp[] = [];
afterAll(async () => {
  for (const o of opened) await o.close();
});

async function open(engine: 'sqlite' | 'postgres'): Promise<OpenedApp> {
  const o = await openTestApp(engine);
  opened.push(o);
  return o;
}

for (const engine of engines()) {
  describe(`use cases on ${engine}`, () => {
    it('imports a phone, finds collectors, the contact reached and findings; loans show their lines; the chain checks', async () => {
      const { ctx } = await open(engine);
      const c = sampleCase();
      const dir = mkdtempSync(join(tmpdir(), 'huxun-files-'));
      writeFileSync(join(dir, 'c.vcf'), vcard(c.contacts));
      writeFileSync(join(dir, 'sms.xml'), smsXml(c.sms));
      writeFileSync(join(dir, 'calls.xml'), callsXml(c.calls));
      await addLoan(ctx, loanFromSimpleTerms({ lenderName: '速借花', lenderType: 'platform', contractDate: '2024-03-01', principalFen: 1_000_000, receivedFen: 900_000, periods: 12, installmentFen: 100_000 }));
      const sum = await importFiles(ctx, ['c.vcf', 'sms.xml', 'calls.xml'].map((f) => join(dir, f)));
      expect(sum.failed).toEqual([]);
      expect(sum.contactsTouched).toBe(1);
      const events = await queryEvents(ctx);
      expect(events.filter((e) => e.kind !== 'third_party_report')).toHaveLength(12);
      const cols = await listCollectorsView(ctx);
      const sj = cols.find((x) => x.numbers.includes(c.collector))!;
      expect(sj.loan_id).not.toBeNull();
      expect(sj.calls).toBe(5);
      expect((await listContactsView(ctx, true)).map((x) => x.name)).toEqual(['李明']);
      const rules = (await listFindings(ctx)).map((f) => f.rule);
      expect(rules).toContain('cn.third-party-contact');
      expect(rules).toContain('cn.threat-contacts');
      expect(rules).toContain('cn.night-contact');
      expect(rules).toContain('cn.over-legal-line');
      const loans = await listLoans(ctx);
      expect(loans[0]!.lines.some((l) => l.applies && l.over)).toBe(true);
      const chain = await checkChain(ctx);
      expect(chain.ok).toBe(true);
      expect(chain.count).toBeGreaterThanOrEqual(15);
      const o = await overview(ctx);
      expect(o.next.length).toBeGreaterThan(0);
      expect(o.debts.over_line).toBe(1);
    });
  });
}
