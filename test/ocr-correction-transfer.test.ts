/**
 * A correction of OCR text names the evidence record of the event it corrects. After a case transfer the events
 * have new ids while their records keep the ids they were recorded with (the hashes require it), so the record
 * must be found by what the transfer keeps: the event's time and dedupe key (src/app/ocr.ts correctOcrText).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCaseFile, importCaseFile } from '../src/app/case-transfer.js';
import { forCase, type OpenedApp } from '../src/app/context.js';
import { checkChain } from '../src/app/evidence.js';
import { importFiles } from '../src/app/import.js';
import { correctOcrText } from '../src/app/ocr.js';
import { openTestApp } from './support/stores.js';

const fixtures = join(import.meta.dirname, 'fixtures', 'import');
const opened: OpenedApp[] = [];
afterAll(async () => {
  for (const o of opened) await o.close();
});

describe('OCR correction after a case transfer', () => {
  it('names the record of the corrected event itself, not one whose old id matches the new one', async () => {
    const o = await openTestApp('sqlite');
    opened.push(o);
    const ctx = o.ctx;
    const sum = await importFiles(ctx, [join(fixtures, 'sms-sample.xml')]);
    expect(sum.failed).toEqual([]);
    const file = join(mkdtempSync(join(tmpdir(), 'huxun-ocr-transfer-')), 'case.hxcase');
    await exportCaseFile(ctx, file, '口令 passphrase 2026', undefined, { scrypt: { N: 1 << 14, r: 8, p: 1 } });
    const { caseId } = await importCaseFile(ctx.store, ctx.dataDir, file, '口令 passphrase 2026', { ownerUserId: null, now: Date.now() });
    const moved = (await forCase(ctx, caseId))!;
    // An event of the new case that was read from a screenshot (meta is not part of the evidence payload).
    const ev = await moved.store.db.selectFrom('events').select(['id', 'at', 'dedupe_key', 'meta']).where('case_id', '=', caseId).where('kind', '=', 'sms').orderBy('id', 'desc').executeTakeFirstOrThrow();
    await moved.store.db.updateTable('events').set({ meta: JSON.stringify({ ...JSON.parse(ev.meta), source: 'ocr' }) }).where('case_id', '=', caseId).where('id', '=', ev.id).execute();
    await correctOcrText(moved, Number(ev.id), '核对后的文字');
    const recs = await moved.store.db.selectFrom('evidence').select(['seq', 'kind', 'payload']).where('case_id', '=', caseId).orderBy('seq').execute();
    const correction = JSON.parse(recs.at(-1)!.payload) as { corrects: number };
    expect(recs.at(-1)!.kind).toBe('correction');
    const target = recs.find((r) => Number(r.seq) === correction.corrects)!;
    expect(target.kind).toBe('event');
    const p = JSON.parse(target.payload) as { at: number; dedupe_key: string; event_id: number };
    expect(p.dedupe_key).toBe(ev.dedupe_key);
    expect(Number(p.at)).toBe(Number(ev.at));
    // The record keeps the id the event had before the transfer.
    expect(p.event_id).not.toBe(Number(ev.id));
    expect((await checkChain(moved)).ok).toBe(true);
  });
});
