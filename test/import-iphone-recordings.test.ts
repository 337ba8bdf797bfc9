/**
 * iPhone backups (folder, zip, sealed staged zip) and call recordings through the app's import path:
 * the same insert path as other formats (dedupe, evidence chain), on every engine.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import * as yazl from 'yazl';
import { afterAll, describe, expect, it } from 'vitest';
import type { OpenedApp } from '../src/app/context.js';
import { checkChain } from '../src/app/evidence.js';
import { importFile, importFiles } from '../src/app/import.js';
import { FsBlobStore } from '../src/store/blobs.js';
import { buildSyntheticBackup } from '../src/import/iphone/synthetic.js';
import { wav } from '../src/import/recording-testing.js';
import { changeFilePassphrase, createWriteStream, isSealedFile } from '../src/store/sealed.js';
import { engines, openTestApp } from './support/stores.js';

/** The file of an attachment of the local app's case (case 1), per case since issue 15 (src/store/blobs.ts). */
const attachmentPath = (dataDir: string, sha256: string) => new FsBlobStore(dataDir, () => null).pathOf(1, sha256);

const opened: OpenedApp[] = [];
afterAll(async () => {
  for (const o of opened) await o.close();
});
const tmp = () => mkdtempSync(join(tmpdir(), 'huxun-iphone-app-'));

async function app(engine: 'sqlite' | 'postgres') {
  const o = await openTestApp(engine);
  opened.push(o);
  return o;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}

async function zipFolder(dir: string, out: string, under = '00008110-001A2B3C4D5E801E/') {
  const z = new yazl.ZipFile();
  for (const f of walk(dir)) z.addFile(f, under + relative(dir, f).split('\\').join('/'));
  z.end();
  await pipeline(z.outputStream as unknown as Readable, (await import('node:fs')).createWriteStream(out));
}

async function counts(o: OpenedApp) {
  const db = o.ctx.store.db;
  const n = async (t: 'events' | 'contacts' | 'attachments' | 'evidence') => Number((await db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { events: await n('events'), contacts: await n('contacts'), attachments: await n('attachments'), evidence: await n('evidence') };
}

for (const engine of engines()) {
  describe(`iPhone backups and call recordings (${engine})`, () => {
    it('imports a backup folder into events, contacts and evidence; a second import adds nothing', async () => {
      const o = await app(engine);
      const dir = join(tmp(), 'backup');
      buildSyntheticBackup(dir);
      const s = await importFiles(o.ctx, [dir]);
      expect(s.failed).toEqual([]);
      const r = s.files[0]!;
      expect(r).toMatchObject({ format: 'iphone-backup', events: 7, eventsAdded: 7, contacts: 2, contactsAdded: 2 });
      expect(r.collection).toBeGreaterThanOrEqual(1);
      const sms = await o.ctx.store.db.selectFrom('events').selectAll().where('kind', '=', 'sms').orderBy('at').execute();
      expect(sms.map((e) => e.text)).toContain('最后通牒：今天不还就上门 😡 回复TD退订');
      const before = await counts(o);
      expect(before.evidence).toBe(7 + 2);
      const seen: number[] = [];
      const again = await importFile(o.ctx, dir, { onProgress: (p) => seen.push(p.bytesRead / p.bytesTotal) });
      expect(again).toMatchObject({ eventsAdded: 0, contactsAdded: 0 });
      // Progress only goes forward and ends at the whole.
      expect(seen.length).toBeGreaterThan(1);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(seen[seen.length - 1]).toBe(1);
      expect(await counts(o)).toEqual(before);
      expect((await checkChain(o.ctx)).ok).toBe(true);
    });

    it('reads the same backup from a zip (nested folder) and from a sealed staged zip', async () => {
      const dir = join(tmp(), 'backup');
      buildSyntheticBackup(dir, { wal: true });
      const zip = join(tmp(), 'iphone.zip');
      await zipFolder(dir, zip);
      const o = await app(engine);
      const r = await importFile(o.ctx, zip);
      expect(r).toMatchObject({ format: 'iphone-backup', eventsAdded: 7, contactsAdded: 2 });

      const o2 = await app(engine);
      o2.ctx.fileKey = randomBytes(32);
      const sealed = join(tmp(), 'upload.zip');
      await pipeline(Readable.from([readFileSync(zip)]), createWriteStream(sealed, o2.ctx.fileKey));
      expect(isSealedFile(sealed)).toBe(true);
      const r2 = await importFile(o2.ctx, sealed);
      expect(r2).toMatchObject({ format: 'iphone-backup', eventsAdded: 7 });
    });

    it('an encrypted backup fails with the how-to message and imports nothing', async () => {
      const o = await app(engine);
      const dir = join(tmp(), 'enc');
      buildSyntheticBackup(dir, { encrypted: true });
      await expect(importFile(o.ctx, dir)).rejects.toThrow(/加密本地备份[\s\S]*Encrypt local backup/);
      expect(await counts(o)).toEqual({ events: 0, contacts: 0, attachments: 0, evidence: 0 });
      const zip = join(tmp(), 'enc.zip');
      await zipFolder(dir, zip, '');
      await expect(importFile(o.ctx, zip)).rejects.toThrow(/Encrypt local backup/);
    });

    it('links a recording to its call within a minute, else makes a recording call; re-import adds nothing', async () => {
      const o = await app(engine);
      const dir = join(tmp(), 'backup');
      buildSyntheticBackup(dir);
      await importFile(o.ctx, dir);
      const call = await o.ctx.store.db.selectFrom('events').selectAll().where('kind', '=', 'call').where('call_status', '=', 'answered').executeTakeFirstOrThrow();
      // The answered call is at 09:25:00.5 local; the recording's name says 09:25:20.
      const rdir = tmp();
      const mp3 = join(rdir, '通话录音@王先生(13900001111)_20260302092520.mp3');
      copyFileSync(new URL('./fixtures/recordings/tone-3s.mp3', import.meta.url), mp3);
      const a = await importFile(o.ctx, mp3);
      expect(a).toMatchObject({ format: 'call-recording', eventsAdded: 0, attachments: 1 });
      expect(a.recording).toMatchObject({ linked: 'existing-call', eventId: Number(call.id), pattern: 'miui', patternSeen: true });
      expect(a.recording!.durationS).toBeCloseTo(3.2, 0);
      const att = await o.ctx.store.db.selectFrom('attachments').selectAll().where('name', '=', '通话录音@王先生(13900001111)_20260302092520.mp3').executeTakeFirstOrThrow();
      expect(Number(att.event_id)).toBe(Number(call.id));
      expect(att.mime).toBe('audio/mpeg');
      expect(Number(att.claimed_at)).toBe(Date.parse('2026-03-02T09:25:20+08:00'));

      // No call within a minute: a call event of source "recording", with the container's duration.
      const w = join(rdir, '20260303_201500.000+0800_in_10690000999_催收.wav');
      writeFileSync(w, wav(2.5));
      const b = await importFile(o.ctx, w);
      expect(b).toMatchObject({ eventsAdded: 1, attachments: 1 });
      expect(b.recording).toMatchObject({ linked: 'new-call', pattern: 'bcr', durationS: 2.5 });
      const ev = await o.ctx.store.db.selectFrom('events').selectAll().where('id', '=', b.recording!.eventId!).executeTakeFirstOrThrow();
      expect(ev).toMatchObject({ kind: 'call', direction: 'in', number: '10690000999', duration_s: 3, call_status: 'answered' });
      expect(JSON.parse(ev.meta)).toMatchObject({ source: 'recording' });
      expect(Number(ev.at)).toBe(Date.parse('2026-03-03T20:15:00+08:00'));

      // No time in the name: an attachment only.
      const m4a = join(rdir, '录音 1.m4a');
      copyFileSync(new URL('./fixtures/recordings/tone-3s.m4a', import.meta.url), m4a);
      const c = await importFile(o.ctx, m4a);
      expect(c.recording).toMatchObject({ linked: 'none', eventId: null });

      const before = await counts(o);
      for (const f of [mp3, w, m4a]) expect(await importFile(o.ctx, f)).toMatchObject({ eventsAdded: 0 });
      expect(await counts(o)).toEqual(before);
      expect((await checkChain(o.ctx)).ok).toBe(true);
    });

    it('a recording imported before its call log: the log merges into the recording\'s call (either order one call), the chain stays valid', async () => {
      const { callsXml } = await import('./support/backup.js');
      const at = Date.parse('2026-03-03T20:15:00+08:00');
      // The log's call starts 25 s before the recording's name says; a second call from another number in the same minute stays.
      const log = [
        { number: '10690000999', date: at - 25_000, type: 1, duration: 62 },
        { number: '13900002222', date: at - 10_000, type: 3, duration: 0 },
      ];
      const rdir = tmp();
      const w = join(rdir, '20260303_201500.000+0800_in_10690000999_催收.wav');
      writeFileSync(w, wav(2.5));
      const p = join(rdir, 'calls.xml');
      writeFileSync(p, callsXml(log as never));

      // Recording first, then the log.
      const o = await app(engine);
      const rec = await importFile(o.ctx, w);
      expect(rec.recording).toMatchObject({ linked: 'new-call' });
      const evBefore = await counts(o);
      const r = await importFile(o.ctx, p);
      expect(r).toMatchObject({ events: 2, eventsAdded: 1, linkedToRecordings: 1 });
      const calls = await o.ctx.store.db.selectFrom('events').selectAll().where('kind', '=', 'call').orderBy('at').execute();
      expect(calls.map((c) => c.number)).toEqual(['10690000999', '13900002222']);
      const merged = calls[0]!;
      expect(Number(merged.id)).toBe(rec.recording!.eventId);
      // The phone's own record wins for time, status and duration; the name's time is kept.
      expect(merged).toMatchObject({ direction: 'in', call_status: 'answered', duration_s: 62 });
      expect(Number(merged.at)).toBe(at - 25_000);
      const meta = JSON.parse(merged.meta);
      expect(meta).toMatchObject({ source: 'recording', name_at: at, merged_call: { file: 'calls.xml', import_id: r.importId, duration_s: 62 } });
      const att = await o.ctx.store.db.selectFrom('attachments').selectAll().executeTakeFirstOrThrow();
      expect(Number(att.event_id)).toBe(Number(merged.id));
      // One evidence record for the link (a correction of the recording's event record) beside the other call's record.
      const after = await counts(o);
      expect(after.evidence).toBe(evBefore.evidence + 2);
      const corr = await o.ctx.store.db.selectFrom('evidence').selectAll().where('kind', '=', 'correction').execute();
      expect(corr).toHaveLength(1);
      const cp = JSON.parse(corr[0]!.payload);
      const target = await o.ctx.store.db.selectFrom('evidence').selectAll().where('seq', '=', cp.corrects).executeTakeFirstOrThrow();
      expect(target.kind).toBe('event');
      expect(JSON.parse(target.payload)).toMatchObject({ event_id: Number(merged.id), at, duration_s: 3 });
      expect(cp.replacement).toMatchObject({ event_id: Number(merged.id), at: at - 25_000, duration_s: 62, linked_call: { file: 'calls.xml' } });
      expect((await checkChain(o.ctx)).ok).toBe(true);
      // Importing the log again, or the recording again, adds nothing.
      expect(await importFile(o.ctx, p)).toMatchObject({ eventsAdded: 0 });
      expect(await importFile(o.ctx, w)).toMatchObject({ eventsAdded: 0 });
      expect(await counts(o)).toEqual(after);

      // Log first, then the recording: the same one call per call, the recording linked to it.
      const o2 = await app(engine);
      await importFile(o2.ctx, p);
      const rec2 = await importFile(o2.ctx, w);
      expect(rec2.recording).toMatchObject({ linked: 'existing-call' });
      const calls2 = await o2.ctx.store.db.selectFrom('events').selectAll().where('kind', '=', 'call').orderBy('at').execute();
      expect(calls2.map((c) => [c.number, Number(c.at)])).toEqual(calls.map((c) => [c.number, Number(c.at)]));
      expect((await checkChain(o2.ctx)).ok).toBe(true);
    });

    it('stores a recording sealed when a passphrase is set', async () => {
      const o = await app(engine);
      o.ctx.fileKey = await changeFilePassphrase(o.ctx.dataDir, null, '一个口令 pass', { scrypt: { N: 1 << 10, r: 8, p: 1 } });
      const p = join(tmp(), '13800000001_20260301120000.amr');
      copyFileSync(new URL('./fixtures/recordings/tone-3s.amr', import.meta.url), p);
      const r = await importFile(o.ctx, p);
      expect(r.recording).toMatchObject({ linked: 'new-call', durationS: 3, pattern: 'number-datetime', patternSeen: false });
      const att = await o.ctx.store.db.selectFrom('attachments').selectAll().executeTakeFirstOrThrow();
      expect(isSealedFile(attachmentPath(o.ctx.dataDir, att.sha256))).toBe(true);
    });

    it('the summary counts collector calls, not only collection messages', async () => {
      const o = await app(engine);
      const { callsXml } = await import('./support/backup.js');
      const calls = Array.from({ length: 12 }, (_, i) => ({ number: '13900001111', date: Date.parse('2026-03-02T09:00:00+08:00') + i * 1800_000, type: 3, duration: 0 }));
      const p = join(tmp(), 'calls.xml');
      writeFileSync(p, callsXml(calls as never));
      const s = await importFiles(o.ctx, [p]);
      expect(s.files[0]!.collection).toBe(0);
      expect(s.collectors).toBeGreaterThanOrEqual(1);
      expect(s.files[0]!.collectorCalls).toBe(12);
    });
  });
}
