/**
 * Issue 13, screenshots: the whole path through the real OCR worker on three small rendered screenshots
 * (test/fixtures/ocr, half-size JPEG q45 "forwarded" copies; truth.json holds what they show): events, the
 * screenshot as an attachment, re-import and overlap adding nothing, bad input leaving nothing, corrections.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedApp } from '../src/app/context.js';
import { listAttachmentViews } from '../src/app/attachments.js';
import { checkChain } from '../src/app/evidence.js';
import { importFile, importFiles } from '../src/app/import.js';
import { jobStatus, startUploadImport } from '../src/app/jobs.js';
import { takenAtCommand } from '../src/app/ocr-date.js';
import { correctOcrText, listOcrReview, ocrWorker, setScreenshotDate, stopOcr } from '../src/app/ocr.js';
import { queryEvents } from '../src/app/timeline.js';
import { openTestApp } from './support/stores.js';
import { wav } from '../src/import/recording-testing.js';

const FIX = join(import.meta.dirname, 'fixtures', 'ocr');
const truth = JSON.parse(readFileSync(join(FIX, 'truth.json'), 'utf8')) as { file: string; takenAt: string; events: { kind: string; direction: string; at: string; number: string | null; durationS: number | null; missed?: boolean }[] }[];
const T = (f: string) => truth.find((t) => t.file === f)!;
const tmp = mkdtempSync(join(tmpdir(), 'huxun-ocr-'));
let o: OpenedApp;

beforeAll(async () => {
  o = await openTestApp('sqlite');
});
afterAll(async () => {
  await stopOcr();
  await o?.close();
});

const events = async () => (await queryEvents(o.ctx, { limit: 1000 })) as unknown as { id: number; kind: string; direction: string; at: string; number: string | null; text: string | null; duration_s: number | null; call_status: string | null }[];
const msg = async (p: Promise<unknown>) => p.then(() => 'ok', (e: Error) => e.message);

describe('screenshots → events (real OCR worker)', { timeout: 240_000 }, () => {
  it('bad input: a clear message, nothing imported, no crash', async () => {
    const png = readFileSync(join(FIX, 'wechat-light.jpg'));
    const huge = Buffer.from('89504e470d0a1a0a0000000d4948445200004e2000004e200802000000', 'hex');
    writeFileSync(join(tmp, 'huge.png'), Buffer.concat([huge, Buffer.alloc(64)]));
    writeFileSync(join(tmp, 'cut.jpg'), png.subarray(0, 4000));
    writeFileSync(join(tmp, 'photo.heic'), Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic' + '\0'.repeat(64), 'latin1'));
    await sharp({ create: { width: 400, height: 800, channels: 3, background: '#ffffff' } }).png().toFile(join(tmp, 'blank.png'));
    // A "photo": smooth colour noise, no text or screen layout in it; and a PNG cut off after its header (IDAT half gone).
    await sharp({ create: { width: 600, height: 800, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 120, sigma: 40 } } }).blur(6).jpeg().toFile(join(tmp, 'photo.jpg'));
    const fullPng = await sharp({ create: { width: 300, height: 600, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer();
    writeFileSync(join(tmp, 'cut.png'), fullPng.subarray(0, Math.floor(fullPng.length / 2)));
    expect(await msg(importFile(o.ctx, join(tmp, 'huge.png')))).toMatch(/20000×20000.*太大/);
    expect(await msg(importFile(o.ctx, join(tmp, 'cut.jpg')))).toMatch(/不完整|无法解码/);
    expect(await msg(importFile(o.ctx, join(tmp, 'photo.heic')))).toMatch(/HEIC.*JPG/);
    expect(await msg(importFile(o.ctx, join(tmp, 'blank.png')))).toMatch(/没有找到文字/);
    expect(await msg(importFile(o.ctx, join(tmp, 'photo.jpg')))).toMatch(/没有找到文字|没认出这是短信、微信聊天或通话记录的截图/);
    expect(await msg(importFile(o.ctx, join(tmp, 'cut.png')))).toMatch(/不完整|无法解码/);
    expect(await events()).toEqual([]);
    expect((await checkChain(o.ctx)).count).toBe(0);
    // The worker read these without opencv-js (11 MB, 1–2.4 s to load): boxes.ts finds the text boxes.
    expect(ocrWorker.opencvLoaded).toBe(false);
  });

  it('a relative date without a capture date asks for one; the date set in the UI is then used', async () => {
    expect(await msg(importFile(o.ctx, join(FIX, 'wechat-light.jpg')))).toMatch(/--taken-at/);
    expect(await events()).toEqual([]);
    await setScreenshotDate(o.ctx, T('wechat-light.jpg').takenAt);
    const r = await importFile(o.ctx, join(FIX, 'wechat-light.jpg'));
    expect(r).toMatchObject({ format: 'screenshot', eventsAdded: 4, attachments: 1 });
    await setScreenshotDate(o.ctx, null);
  });

  it('capture date: the import names the screenshots that need one, a date in the file name is used, the upload job re-runs with the date asked inline', async () => {
    const t = T('wechat-light.jpg');
    const plain = join(tmp, 'chat.jpg');
    writeFileSync(plain, readFileSync(join(FIX, 'wechat-light.jpg')));
    const s = await importFiles(o.ctx, [plain]);
    expect(s.needsDate).toEqual([plain]);
    expect(s.failed[0]!.error).toMatch(/--taken-at/);
    expect(takenAtCommand(s.needsDate, 'Asia/Shanghai', Date.parse('2026-12-05T20:00:00Z'))).toBe(`huxun import ${plain} --taken-at 2026-12-06`);

    // The upload job: without a date it fails with hint 'capture-date' and a plain message; with x-taken-at it imports.
    const bytes = readFileSync(plain);
    const until = async (id: string) => {
      for (;;) {
        const j = await jobStatus(o.ctx, id);
        if (j.state !== 'running') return j;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const j1 = await until((await startUploadImport(o.ctx, 'chat.jpg', Readable.from([bytes]), bytes.length)).id);
    expect(j1).toMatchObject({ state: 'failed', hint: 'capture-date' });
    expect(j1.errorText?.zh).toMatch(/哪天截的/);
    const j2 = await until((await startUploadImport(o.ctx, 'chat.jpg', Readable.from([bytes]), bytes.length, { takenAt: t.takenAt })).id);
    // The same screenshot was imported above with this date: the same events (same days), nothing new.
    expect(j2).toMatchObject({ state: 'done', result: { events: 4, eventsAdded: 0, takenAt: t.takenAt, takenAtFrom: 'flag' } });

    // A date in the file name (WeChat's saved-image name) is the capture date when EXIF has none: same events, nothing new.
    const named = join(tmp, `微信图片_${t.takenAt.replace(/-/g, '')}213000.jpg`);
    writeFileSync(named, bytes);
    const r = await importFile(o.ctx, named);
    expect(r).toMatchObject({ takenAt: t.takenAt, takenAtFrom: 'file-name', takenAtPattern: 'wechat', events: 4, eventsAdded: 0 });
  });

  it('an SMS thread: times, directions and the number exact; the screenshot stored and linked; re-import and an overlapping crop add nothing', async () => {
    const t = T('sms-android.jpg');
    const r = await importFile(o.ctx, join(FIX, 'sms-android.jpg'), { takenAt: t.takenAt });
    expect(r.eventsAdded).toBe(t.events.length);
    const sms = (await events()).filter((e) => e.kind === 'sms');
    expect(sms.map((e) => [e.direction, e.at.slice(0, 16).replace('T', ' '), e.number])).toEqual(t.events.map((e) => [e.direction, e.at, e.number]));
    const att = (await listAttachmentViews(o.ctx)).find((a) => a.name === 'sms-android.jpg');
    expect(att).toMatchObject({ mime: 'image/jpeg', source: 'import' });
    expect(sms.map((e) => e.id)).toContain(att!.event_id);
    expect((await importFile(o.ctx, join(FIX, 'sms-android.jpg'), { takenAt: t.takenAt })).eventsAdded).toBe(0);
    // A second screenshot after scrolling: the thread's header stays, the list moved up by 40 % (its upper
    // bubbles are gone, the rest is already stored).
    const src = readFileSync(join(FIX, 'sms-android.jpg'));
    const { width, height } = await sharp(src).metadata();
    const head = Math.round(width! * 0.15);
    const cut = Math.round(height! * 0.4);
    const top = await sharp(src).extract({ left: 0, top: 0, width: width!, height: head }).png().toBuffer();
    const rest = await sharp(src).extract({ left: 0, top: cut, width: width!, height: height! - cut }).png().toBuffer();
    await sharp({ create: { width: width!, height: height!, channels: 3, background: '#ffffff' } })
      .composite([{ input: top, top: 0, left: 0 }, { input: rest, top: head, left: 0 }])
      .jpeg({ quality: 60 })
      .toFile(join(tmp, 'scrolled.jpg'));
    const again = await msg(importFile(o.ctx, join(tmp, 'scrolled.jpg'), { takenAt: t.takenAt }).then((x) => {
      if (x.eventsAdded !== 0) throw new Error(`added ${x.eventsAdded}`);
    }));
    expect(['ok', expect.stringMatching(/没有带时间/)]).toContainEqual(again);
    expect((await events()).filter((e) => e.kind === 'sms').length).toBe(t.events.length);
    // Its attachment is linked to an event it shows again.
    const scrolled = (await listAttachmentViews(o.ctx)).find((a) => a.name === 'scrolled.jpg');
    if (again === 'ok') expect(sms.map((e) => e.id)).toContain(scrolled?.event_id);
    const chain = await checkChain(o.ctx);
    expect(chain.ok).toBe(true);
  });

  it('a call log: number, time, direction, missed and duration of every row', async () => {
    const t = T('call-log.jpg');
    await importFile(o.ctx, join(FIX, 'call-log.jpg'), { takenAt: t.takenAt });
    const calls = (await events()).filter((e) => e.kind === 'call');
    // Progress of a screenshot: a start at once, then per OCR tile, ending at the whole.
    const seen: number[] = [];
    await importFile(o.ctx, join(FIX, 'call-log.jpg'), { takenAt: t.takenAt, onProgress: (p) => seen.push(p.bytesRead / p.bytesTotal) });
    expect(seen[0]).toBe(0);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen[seen.length - 1]).toBe(1);
    const got = calls.map((e) => [e.number, e.at.slice(0, 16).replace('T', ' '), e.direction, e.call_status === 'missed', e.duration_s]).sort();
    expect(got).toEqual(t.events.map((e) => [e.number, e.at, e.direction, !!e.missed, e.durationS]).sort());
  });

  it('a call-log screenshot after a recording of one of its calls: that row merges into the recording\'s call', async () => {
    const t = T('call-log.jpg');
    const o2 = await openTestApp('sqlite');
    try {
      // The screen's outgoing call to 15891889970 at 19:39 on the capture day; the recorder named its file 20 s later.
      const wavPath = join(tmp, `${t.takenAt.replace(/-/g, '')}_193920.000+0800_out_15891889970.wav`);
      writeFileSync(wavPath, wav(2));
      const rec = await importFile(o2.ctx, wavPath);
      expect(rec.recording).toMatchObject({ linked: 'new-call' });
      const r = await importFile(o2.ctx, join(FIX, 'call-log.jpg'), { takenAt: t.takenAt });
      expect(r).toMatchObject({ events: t.events.length, eventsAdded: t.events.length - 1, linkedToRecordings: 1 });
      const calls = await o2.ctx.store.db.selectFrom('events').selectAll().where('kind', '=', 'call').execute();
      expect(calls).toHaveLength(t.events.length);
      const merged = calls.find((c) => Number(c.id) === rec.recording!.eventId)!;
      // The screen gives the minute only: the recording's seconds stay; the duration is the call log's.
      expect(Number(merged.at)).toBe(Date.parse(`${t.takenAt}T19:39:20+08:00`));
      expect(merged).toMatchObject({ number: '15891889970', direction: 'out', duration_s: 248 });
      expect(JSON.parse(merged.meta)).toMatchObject({ source: 'recording', merged_call: { file: 'call-log.jpg' } });
      expect((await checkChain(o2.ctx)).ok).toBe(true);
    } finally {
      await o2.close();
    }
  });

  it('a HEIC screenshot (as an iPhone sends it) is decoded in the worker: the same calls as its JPG, stored as image/heic', async () => {
    const t = T('call-log.jpg');
    const before = (await events()).filter((e) => e.kind === 'call').length;
    const r = await importFile(o.ctx, join(import.meta.dirname, 'fixtures', 'heic', 'call-log.heic'), { takenAt: t.takenAt });
    // Every row read again from the HEIC is a call already stored from the JPG (same number, minute, direction): nothing new.
    expect(r).toMatchObject({ format: 'screenshot', screen: 'call-log', events: t.events.length, eventsAdded: 0, attachments: 1 });
    expect((await events()).filter((e) => e.kind === 'call')).toHaveLength(before);
    const att = (await listAttachmentViews(o.ctx)).find((a) => a.name === 'call-log.heic');
    expect(att).toMatchObject({ mime: 'image/heic' });
  });

  it('a correction keeps the OCR text and is an evidence record', async () => {
    const all = await listOcrReview(o.ctx, { all: true });
    expect(all.length).toBeGreaterThan(0);
    const target = all.find((i) => i.kind === 'sms')!;
    const fixed = await correctOcrText(o.ctx, target.id, `${target.text}（已核对）`);
    expect(fixed).toMatchObject({ text: `${target.text}（已核对）`, ocr_text: target.text, corrected: true });
    const chain = await checkChain(o.ctx);
    expect(chain.ok).toBe(true);
    const last = await o.ctx.store.db.selectFrom('evidence').selectAll().where('kind', '=', 'correction').executeTakeFirstOrThrow();
    expect(JSON.parse(String(last.payload))).toMatchObject({ replacement: { event_id: target.id, ocr_text: target.text } });
  });
});
