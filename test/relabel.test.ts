/**
 * Issue 11 §4–5: events name the classifier version that labelled them; a changed version relabels the case
 * (collectors regrouped) and leaves the evidence chain and an exported bundle valid; messages from a
 * collector are read with that context on import, `huxun classify` stays context-free.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { exportBundle, verifyBundleFile } from '../src/app/bundle.js';
import { classifyJsonlLine } from '../src/app/classify.js';
import type { OpenedApp } from '../src/app/context.js';
import { checkChain } from '../src/app/evidence.js';
import { importFiles } from '../src/app/import.js';
import { relabelCase, relabelIfStale, staleLabelCount } from '../src/app/relabel.js';
import { classifierVersion } from '../src/domain/collection/classifier/index.js';
import { IMPLICIT_THREAT } from '../src/domain/collection/classifier/fixtures.test-helper.js';
import { bj, callsXml, sampleCase, smsXml } from './support/backup.js';
import { engines, openTestApp } from './support/stores.js';

const opened: OpenedApp[] = [];
afterAll(async () => {
  for (const o of opened) await o.close();
});

function files(): string[] {
  const c = sampleCase();
  const collector = '17012345678';
  const sms = [...c.sms, { address: collector, date: bj(2026, 6, 13, 22), type: 1 as const, body: IMPLICIT_THREAT }];
  const dir = mkdtempSync(join(tmpdir(), 'huxun-relabel-'));
  writeFileSync(join(dir, 'sms.xml'), smsXml(sms));
  writeFileSync(join(dir, 'calls.xml'), callsXml(c.calls));
  return [join(dir, 'sms.xml'), join(dir, 'calls.xml')];
}

async function labelsById(o: OpenedApp) {
  const rows = await sql<{ id: number; text: string | null; labels: string; spans: string; labelled_by: string | null }>`select id, text, labels, spans, labelled_by from events where case_id = ${o.ctx.caseId} and kind = 'sms' order by id`.execute(o.ctx.store.db);
  return rows.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

for (const engine of engines()) {
  describe(`relabel (${engine})`, () => {
    it('stamps the version, reads a collector\'s implicit threat in context, relabels on a version change and keeps the chain valid', async () => {
      const o = await openTestApp(engine);
      opened.push(o);
      const imported = await importFiles(o.ctx, files());
      expect(imported.failed).toEqual([]);
      const version = classifierVersion();
      const before = await labelsById(o);
      expect(before.map((r) => r.labelled_by)).toEqual(before.map(() => version));
      expect(await staleLabelCount(o.ctx)).toBe(0);
      expect(await relabelIfStale(o.ctx)).toBeNull();

      // Context: the implicit threat came from the collector's number.
      const implicit = before.find((r) => r.text === IMPLICIT_THREAT)!;
      expect(JSON.parse(implicit.labels)).toContain('collection');
      expect(classifyJsonlLine(JSON.stringify({ id: 'x', text: IMPLICIT_THREAT, to: 'debtor' }), 1, 'f')).toEqual({ result: { id: 'x', labels: [], spans: {} } });

      const chain = await checkChain(o.ctx);
      expect(chain.ok).toBe(true);

      // An older classifier labelled everything (and got it all wrong).
      await sql`update events set labels = '[]', spans = '{}', labelled_by = 'r10+lr-old' where case_id = ${o.ctx.caseId} and kind = 'sms'`.execute(o.ctx.store.db);
      expect(await staleLabelCount(o.ctx)).toBe(before.length);
      const progress: number[] = [];
      const r = await relabelIfStale(o.ctx, (p) => progress.push(p.done));
      expect(r).not.toBeNull();
      expect(r!.version).toBe(version);
      expect(r!.events).toBe(before.length);
      expect(r!.contextual).toBe(1);
      expect(r!.collectors).toBeGreaterThanOrEqual(1);
      expect(progress.at(-1)).toBe(before.length);
      const after = await labelsById(o);
      expect(after.map((x) => [x.id, x.labels, x.spans])).toEqual(before.map((x) => [x.id, x.labels, x.spans]));
      expect(await staleLabelCount(o.ctx)).toBe(0);

      // Labels are not evidence: the chain is the same and still checks, and a bundle verifies.
      const chainAfter = await checkChain(o.ctx);
      expect(chainAfter).toEqual(chain);
      const forced = await relabelCase(o.ctx, { force: true });
      expect(forced.changed).toBe(1); // the contextual label, made again by the context pass
      expect(await checkChain(o.ctx)).toEqual(chain);
      const zip = join(mkdtempSync(join(tmpdir(), 'huxun-relabel-zip-')), 'b.zip');
      await exportBundle(o.ctx, zip);
      expect(await verifyBundleFile(zip)).toMatchObject({ ok: true });
    }, 120_000);
  });
}
