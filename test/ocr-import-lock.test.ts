/**
 * One import writer (src/app/import-write.ts): a screenshot's import takes the case's chain lock before it looks
 * for bubbles already stored, as every other import does. On the organisation server (PostgreSQL) another writer
 * of the same case — a second screenshot of the thread imported by a colleague, on another app server — may be
 * storing the same bubble at that moment: the screenshot waits for it to commit and then finds the bubble, instead
 * of looking before the other writer committed and storing the bubble a second time under its own reading.
 *
 * The other writer is played by a transaction of the test that holds the lock and stores one bubble of the
 * screenshot as another screenshot read it (one character different, so its key differs and only the overlap
 * check can find it). Real OCR worker, real PostgreSQL; what is waited for is observed (pg_locks), not timed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedApp } from '../src/app/context.js';
import { eventPayloadParts } from '../src/app/event-payload.js';
import { checkChain, EvidenceWriter } from '../src/app/evidence.js';
import { importFile } from '../src/app/import.js';
import { recognizeImage, stopOcr } from '../src/app/ocr.js';
import { analyzeScreen, screenEvents } from '../src/import/ocr/layout.js';
import { parseIsoDate } from '../src/import/ocr/time.js';
import { eventRowValues } from '../src/store/event-row.js';
import * as repo from '../src/store/repo.js';
import { openTestApp, PG_URL } from './support/stores.js';

const FIX = join(import.meta.dirname, 'fixtures', 'ocr');
const FILE = 'sms-android.jpg';
const truth = JSON.parse(readFileSync(join(FIX, 'truth.json'), 'utf8')) as { file: string; takenAt: string }[];
const takenAt = truth.find((t) => t.file === FILE)!.takenAt;

describe.skipIf(!PG_URL)('a screenshot import and another writer of the case at once (PostgreSQL)', { timeout: 240_000 }, () => {
  let o: OpenedApp;
  beforeAll(async () => {
    o = await openTestApp('postgres');
  });
  afterAll(async () => {
    await stopOcr();
    await o?.close();
  });

  it('the overlap check waits for the case lock: a bubble another writer stores meanwhile is found, not stored twice', async () => {
    const ctx = o.ctx;
    const bytes = readFileSync(join(FIX, FILE));
    // What the screenshot shows, read by the same worker and layout the import uses (nothing stored).
    const { page } = await recognizeImage(bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const shown = screenEvents(analyzeScreen(page), { captured: parseIsoDate(takenAt), tz: ctx.tz, sha256, file: FILE }).events;
    const bubble = shown.find((e) => e.kind === 'sms' && (e.text ?? '').length >= 10)!;
    expect(bubble).toBeDefined();
    // The same bubble as another screenshot read it: its last character read differently, so another key.
    const text = `${bubble.text!.slice(0, -1)}${bubble.text!.endsWith('。') ? '，' : '。'}`;
    const other = { ...bubble, text, meta: { ...bubble.meta, ocr_text: text, screenshot: 'other' }, dedupeKey: `${bubble.dedupeKey}:other`, position: 0 };

    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let holding!: () => void;
    const held = new Promise<void>((r) => (holding = r));
    const writer = ctx.store.db.transaction().execute(async (trx) => {
      const evidence = new EvidenceWriter(trx, ctx.caseId, ctx.store);
      await evidence.begin();
      const [id] = await repo.insertEventRows(ctx.store, trx, ctx.caseId, [eventRowValues({ event: other, labels: [], spans: {}, importId: null })], ctx.now());
      const p = eventPayloadParts(other, null, null);
      await evidence.appendCanonicalMany('event', [p.head + id + p.tail], ctx.now());
      holding();
      await gate;
    });
    await held;
    const importing = importFile(ctx, join(FIX, FILE), { takenAt });

    // The import reaches the case lock and waits there (observed, not timed), then the other writer commits.
    const db = (await sql<{ db: string }>`select current_database() as db`.execute(ctx.store.db)).rows[0]!.db;
    const watcher = new pg.Client({ connectionString: PG_URL });
    await watcher.connect();
    try {
      let waiting = 0;
      for (let i = 0; i < 24_000 && !waiting; i++) {
        const r = await watcher.query(`select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory' and not l.granted and a.datname = $1`, [db]);
        waiting = r.rows[0].n;
        if (!waiting) await new Promise((res) => setTimeout(res, 10));
      }
      expect(waiting).toBe(1);
    } finally {
      await watcher.end();
      release(); // also when the expectation failed: the writer's transaction must not stay open
    }
    await writer;
    const r = await importing;

    expect(r).toMatchObject({ format: 'screenshot', events: shown.length, duplicates: 1, eventsAdded: shown.length - 1 });
    const same = await ctx.store.db.selectFrom('events').select(['id', 'text']).where('case_id', '=', ctx.caseId).where('kind', '=', 'sms').where('at', '=', bubble.at).execute();
    expect(same.filter((e) => e.text === bubble.text || e.text === text)).toHaveLength(1);
    expect(await checkChain(ctx)).toMatchObject({ ok: true });
  });
});
