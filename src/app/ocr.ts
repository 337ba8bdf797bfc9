/**
 * Screenshots (OCR) → events. One screenshot = one transaction: its events, the screenshot itself as an
 * attachment (linked to the first event; every event's meta names the screenshot's sha256 and the box its text
 * came from), and their evidence records. A screenshot that cannot be read (not an image, HEIC, too large,
 * truncated, a photo, an app it does not know, dates it cannot place) leaves nothing behind.
 *
 * The OCR itself runs in one worker thread (ocr-worker.ts), started on first use and kept while screenshots keep
 * coming (it is unref'd while idle and stopped after IDLE_MS, which frees its memory).
 *
 * Overlapping screenshots of one thread: the layout gives every bubble a key made of counterpart, minute,
 * direction, its place under its time separator and its text, so the same bubble read twice gets the same key
 * (the store's unique index drops it); a bubble whose text was read slightly differently (one character) is
 * matched against the OCR events already stored at that minute by text similarity.
 */
import type { OcrReviewItemView } from '../shared/ocr-api.js';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { NewEvent } from '../domain/collection/types.js';
import { blobsOf, claimedDateFromName, readAttachment } from './attachments.js';
import { localDate } from '../domain/time.js';
import { exifDate, ImageError, probeImage, sniffImage } from '../import/ocr/header.js';
import { analyzeScreen, screenEvents, textSimilarity } from '../import/ocr/layout.js';
import { parseIsoDate, type LocalDate } from '../import/ocr/time.js';
import { captureDateFromName } from '../import/ocr/name-date.js';
import { CaptureDateNeeded } from './ocr-date.js';
import { writeAttachment, writeEventRows, writeImport } from './import-write.js';
import type { OcrPage } from '../import/ocr/types.js';
import { ONNX_HOST_URL } from '../import/ocr/paddle.js';
import { eventRowValues } from '../store/event-row.js';
import * as repo from '../store/repo.js';
import { openReadStream } from '../store/sealed.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { recordEvidence } from './evidence.js';
import { eventPayloadParts } from './event-payload.js';
import { readAtMost } from './import-prepare.js';
import { labelEvent } from './labels.js';
import type { OcrReply } from './ocr-worker.js';

/** A screenshot file larger than this is not a screenshot (a 1170×30000 PNG is ~15 MB). */
export const MAX_SCREENSHOT_BYTES = 64 * 1024 * 1024;
/** One screenshot may take this long in the worker before it is stopped. */
export const OCR_TIMEOUT_MS = 120_000;
const IDLE_MS = 30_000;

export { sniffImage };

/** The single OCR worker, shared by every import of this process. */
class OcrWorker {
  private worker: Worker | null = null;
  /** The thread that holds the ONNX sessions, started and stopped with the worker. */
  private host: Worker | null = null;
  private seq = 0;
  private pending = new Map<number, { resolve: (p: { page: OcrPage; ms: number; cpuMs: number }) => void; reject: (e: Error) => void; timer: NodeJS.Timeout; onTile?: (done: number, total: number) => void }>();
  private idle: NodeJS.Timeout | null = null;
  /** Model (ONNX sessions) load time, and the time to load the engine's JS before it. */
  loadMs: Promise<number> | null = null;
  moduleMs = 0;
  /** From starting the worker thread to its engine ready (its module loader, the JS and both sessions). */
  readyMs = 0;
  /** Whether the worker had loaded opencv-js (last reply): it should not, engine.ts no longer needs it. */
  opencvLoaded: boolean | null = null;

  private start(): Worker {
    if (this.worker) return this.worker;
    const started = performance.now();
    // The ONNX sessions load on a thread of their own (plain JavaScript, no tsx to register) while the OCR worker
    // registers tsx and loads its TypeScript: the two overlap on the two cores (src/import/ocr/paddle.ts).
    const { port1, port2 } = new MessageChannel();
    const host = new Worker(ONNX_HOST_URL, { workerData: { port: port1 }, transferList: [port1] });
    const w = new Worker(new URL('./ocr-worker-entry.mjs', import.meta.url), { workerData: { onnxPort: port2 }, transferList: [port2], resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    this.host = host;
    let ready!: (ms: number) => void;
    let failed!: (e: Error) => void;
    this.loadMs = new Promise<number>((res, rej) => ((ready = res), (failed = rej)));
    this.loadMs.catch(() => {});
    w.on('message', (m: OcrReply) => {
      if (m.type === 'ready') {
        this.moduleMs = m.moduleMs;
        this.readyMs = performance.now() - started;
        this.opencvLoaded = m.opencv;
        return ready(m.loadMs);
      }
      if (m.type === 'error' && m.id === -1) {
        const e = new AppError('UNSUPPORTED_FORMAT', `OCR 模型无法加载 the OCR models could not be loaded: ${m.error.message}`);
        failed(e);
        this.failAll(e);
        return;
      }
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'tile') return p.onTile?.(m.done, m.total);
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.type === 'page') {
        this.opencvLoaded = m.opencv;
        p.resolve({ page: m.page, ms: m.ms, cpuMs: m.cpuMs });
      } else p.reject(m.error.name === 'ImageError' ? new ImageError(m.error.problem as never, m.error.message) : new Error(m.error.message));
      this.settle();
    });
    const died = (e: Error) => {
      failed(e);
      this.failAll(e);
      if (this.worker !== w) return;
      // Either thread gone: both go, and the next screenshot starts them again.
      this.worker = null;
      this.host = null;
      host.removeAllListeners('exit');
      w.removeAllListeners('exit');
      void host.terminate();
      void w.terminate();
    };
    w.on('error', died);
    w.on('exit', (code) => died(new Error(`OCR 进程意外退出 the OCR worker stopped (exit code ${code})`)));
    host.on('error', died);
    host.on('exit', (code) => died(new Error(`OCR 模型线程意外退出 the OCR model thread stopped (exit code ${code})`)));
    this.worker = w;
    return w;
  }

  private failAll(e: Error) {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(e);
    }
    this.pending.clear();
  }

  /** Idle: let the process exit, and stop the worker after a while. */
  private settle() {
    if (this.pending.size || !this.worker) return;
    this.worker.unref();
    this.host?.unref();
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.close(), IDLE_MS);
    this.idle.unref();
  }

  /** Starts the worker and loads the models ahead of the first screenshot (the import page asks when it opens). */
  warm(): void {
    if (this.worker) return;
    this.start();
    this.settle();
  }

  /** Reads one image; onTile is told after each tile (a long screenshot has several): the import's progress. */
  recognize(bytes: Buffer, onTile?: (done: number, total: number) => void): Promise<{ page: OcrPage; ms: number; cpuMs: number }> {
    const w = this.start();
    w.ref();
    this.host?.ref();
    if (this.idle) clearTimeout(this.idle);
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new AppError('BAD_INPUT', `识别超时（${OCR_TIMEOUT_MS / 1000} 秒）OCR took too long`));
        void this.close();
      }, OCR_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer, onTile });
      const copy = new Uint8Array(bytes);
      w.postMessage({ id, bytes: copy }, [copy.buffer]);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    const host = this.host;
    this.worker = null;
    this.host = null;
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    if (w) {
      w.removeAllListeners('exit');
      host?.removeAllListeners('exit');
      await Promise.all([w.terminate(), host?.terminate()]);
    }
    this.failAll(new Error('OCR 已停止 OCR stopped'));
  }
}

export const ocrWorker = new OcrWorker();

/** Reads one image in the OCR worker (for the benchmark and the tests). */
export function recognizeImage(bytes: Buffer) {
  return ocrWorker.recognize(bytes);
}

/** Loads the OCR models in the background (stopped again after IDLE_MS without screenshots). */
export function warmOcr(): void {
  ocrWorker.warm();
}

export async function stopOcr(): Promise<void> {
  await ocrWorker.close();
}

export interface ScreenshotResult {
  file: string;
  format: 'screenshot';
  importId: number;
  /** sms / wechat / call-log. */
  screen: string;
  records: number;
  events: number;
  eventsAdded: number;
  /** Bubbles already stored from an overlapping screenshot (read with a slightly different text). */
  duplicates: number;
  /** Bubbles above the first time separator (no time visible on this screenshot) or cut off at its bottom edge. */
  untimed: number;
  lowConfidence: number;
  contacts: 0;
  contactsAdded: 0;
  attachments: number;
  collection: number;
  thread: 'worker';
  sha256: string;
  /** The capture date used, and where it came from. */
  takenAt: string | null;
  takenAtFrom: 'flag' | 'exif' | 'file-name' | 'setting' | null;
  /** Call rows merged into the call a recording imported earlier had made (import-links.ts). */
  linkedToRecordings?: number;
  /** The file-name pattern the date came from (src/import/ocr/name-date.ts), when it came from the name. */
  takenAtPattern?: string | null;
  ocrMs: number;
}

export interface ScreenshotOptions {
  /** YYYY-MM-DD: the date the screenshot was taken (what 昨天 / 星期三 count from). */
  takenAt?: string;
  /**
   * Progress as the import page shows it: a start at once, then after each OCR tile (the bytes are a stand-in,
   * the share of tiles read; the last tenth is the writing).
   */
  onProgress?: (p: { file: string; bytesRead: number; bytesTotal: number; records: number }) => void;
}

/**
 * The capture date: the flag, else EXIF, else a date in the file name (Screenshot_20261103-214501, IMG_…, 微信图片_…,
 * macOS names: name-date.ts), else the case's setting.
 */
async function captureDate(ctx: AppContext, bytes: Buffer, name: string, flag?: string): Promise<{ date: LocalDate | null; text: string | null; from: ScreenshotResult['takenAtFrom']; pattern?: string }> {
  if (flag) {
    const d = parseIsoDate(flag);
    if (!d) throw new AppError('BAD_INPUT', `--taken-at: 需要 YYYY-MM-DD expected YYYY-MM-DD, got ${JSON.stringify(flag)}`);
    return { date: d, text: flag, from: 'flag' };
  }
  const exif = exifDate(bytes);
  if (exif && parseIsoDate(exif)) return { date: parseIsoDate(exif), text: exif, from: 'exif' };
  const fromName = captureDateFromName(name, ctx.tz);
  if (fromName) return { date: parseIsoDate(fromName.date), text: fromName.date, from: 'file-name', pattern: fromName.pattern };
  const setting = await repo.getSetting(ctx.store.db, ctx.caseId, OCR_TAKEN_AT_SETTING);
  if (setting && parseIsoDate(setting)) return { date: parseIsoDate(setting), text: setting, from: 'setting' };
  return { date: null, text: null, from: null };
}

/** The capture date the UI asked for, used for screenshots that carry none (until changed). */
export const OCR_TAKEN_AT_SETTING = 'ocr_taken_at';

export async function setScreenshotDate(ctx: AppContext, date: string | null): Promise<{ taken_at: string | null }> {
  if (date != null && !parseIsoDate(date)) throw new AppError('BAD_INPUT', `taken_at: 需要 YYYY-MM-DD expected YYYY-MM-DD, got ${JSON.stringify(date)}`);
  await repo.setSetting(ctx.store.db, ctx.caseId, OCR_TAKEN_AT_SETTING, date ?? '');
  return { taken_at: date };
}

export async function getScreenshotDate(ctx: AppContext): Promise<{ taken_at: string | null }> {
  const v = await repo.getSetting(ctx.store.db, ctx.caseId, OCR_TAKEN_AT_SETTING);
  return { taken_at: v || null };
}

function readImage(ctx: AppContext, path: string): Promise<Buffer> {
  return readAtMost(openReadStream(path, ctx.fileKey) as AsyncIterable<Buffer>, MAX_SCREENSHOT_BYTES, () =>
    new AppError('BAD_INPUT', `${basename(path)}: 文件超过 ${MAX_SCREENSHOT_BYTES >> 20} MB，不像截图 / over ${MAX_SCREENSHOT_BYTES >> 20} MB, not a screenshot`));
}

const MIME: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif', bmp: 'image/bmp', heic: 'image/heic' };

/** Imports one screenshot. Throws AppError (BAD_INPUT, with a message for a person) when it cannot be read. */
export async function importScreenshot(ctx: AppContext, path: string, opts: ScreenshotOptions = {}): Promise<ScreenshotResult> {
  const file = basename(path);
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
  } catch {
    throw new AppError('NOT_FOUND', `${path}: 找不到文件 file not found`);
  }
  const bytes = await readImage(ctx, path);
  const fail = (e: unknown): never => {
    // The problem travels with the message: the import page offers the evidence page for a photo (import-messages.ts).
    if (e instanceof ImageError) throw new AppError('BAD_INPUT', `${file}: ${e.message}`, { problem: e.problem });
    throw e;
  };
  let info;
  try {
    info = probeImage(bytes); // before any decoding: a 20000×20000 image stops here
  } catch (e) {
    fail(e);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const taken = await captureDate(ctx, bytes, file, opts.takenAt);
  let page: OcrPage;
  let ms: number;
  try {
    opts.onProgress?.({ file, bytesRead: 0, bytesTotal: bytes.length, records: 0 });
    ({ page, ms } = await ocrWorker.recognize(bytes, (done, total) =>
      opts.onProgress?.({ file, bytesRead: Math.floor((bytes.length * 0.9 * done) / total), bytesTotal: bytes.length, records: 0 })));
  } catch (e) {
    return fail(e);
  }
  let analysis;
  try {
    analysis = analyzeScreen(page);
  } catch (e) {
    return fail(e);
  }
  const got = screenEvents(analysis, { captured: taken.date, tz: ctx.tz, sha256, file });
  if (got.needsDate) throw new CaptureDateNeeded(file);
  if (got.events.length === 0) {
    throw new AppError('BAD_INPUT', `${file}: 截图里没有带时间的消息或通话（时间分隔条不在画面内？请连同上方的时间一起截图）/ no message or call with a visible time in this screenshot (include the time separator above the messages)`);
  }
  const result: ScreenshotResult = {
    file, format: 'screenshot', importId: 0, screen: analysis.kind, records: got.events.length, events: got.events.length, eventsAdded: 0, duplicates: 0,
    untimed: got.untimed, lowConfidence: got.lowConfidence, contacts: 0, contactsAdded: 0, attachments: 0, collection: 0, thread: 'worker', sha256,
    takenAt: taken.text, takenAtFrom: taken.from, takenAtPattern: taken.pattern ?? null, ocrMs: Math.round(ms),
  };
  // The screenshot's bytes go to the case's attachment store first (sealed with a passphrase); the rows follow in
  // the import's one transaction, written by the writer every import shares (import-write.ts). What is the
  // screenshot's own: bubbles another screenshot of the thread already stored, and the attachment's event.
  await blobsOf(ctx).put(ctx.caseId, sha256, bytes);
  const tally = () => ({ records: result.records, added: result.eventsAdded, sha256 });
  await writeImport(ctx, { file, format: 'screenshot', size: bytes.length }, async (w) => {
    const importId = (result.importId = w.importId);
    const keep: NewEvent[] = [];
    let repeats: number | null = null;
    for (const e of got.events) {
      const same = e.kind !== 'call' ? await overlapsStored(w.trx, ctx.caseId, e) : null;
      if (same != null) {
        result.duplicates++;
        repeats ??= same;
      } else keep.push(e);
    }
    keep.forEach((e, i) => (e.position = i));
    const rows = keep.map((e) => eventRowValues({ event: e, labels: [], spans: {}, importId }));
    const now = ctx.now();
    const written = await writeEventRows(ctx, w, rows, keep.map((e) => eventPayloadParts(e, importId, file)), file, now);
    if (written.linked) result.linkedToRecordings = written.linked;
    result.collection = written.collection;
    result.eventsAdded = written.added;
    // A screenshot whose every bubble was already stored (or merged into a recording's call) is linked to the
    // first event it shows again.
    const eventId = written.firstAdded ?? repeats ?? written.firstLinked;
    const mime = MIME[info!.format] ?? 'application/octet-stream';
    if (await writeAttachment(ctx, w, { sha256, mime, size: bytes.length, name: file, eventId }, now)) result.attachments = 1;
  }, tally, { bulk: false }); // a few rows: SQLite's bulk journal switch would cost more than the write
  opts.onProgress?.({ file, bytesRead: bytes.length, bytesTotal: bytes.length, records: result.records });
  return result;
}

/** The id of an OCR bubble already stored from another screenshot of the thread (also read with a slightly different text), or null. */
async function overlapsStored(db: repo.Q, caseId: number, e: NewEvent): Promise<number | null> {
  const rows = await db.selectFrom('events').select(['id', 'dedupe_key', 'direction', 'number', 'counterpart_name', 'text', 'meta']).where('case_id', '=', caseId).where('at', '=', e.at).where('kind', '=', e.kind).execute();
  for (const r of rows) {
    if (r.dedupe_key === e.dedupeKey) return Number(r.id);
    if (r.direction !== e.direction || (r.number ?? null) !== e.number || (r.counterpart_name ?? null) !== (e.counterpartName ?? null)) continue;
    let meta: Record<string, unknown> = {};
    try {
      meta = JSON.parse(String(r.meta ?? '{}')) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (meta.source !== 'ocr' || meta.group_index !== e.meta?.group_index) continue;
    if (textSimilarity(String(meta.ocr_text ?? r.text ?? ''), e.text ?? '') >= 0.8) return Number(r.id);
  }
  return null;
}

function parseLabels(v: unknown): string[] {
  try {
    const x = JSON.parse(String(v ?? '[]')) as unknown;
    return Array.isArray(x) ? x.map(String) : [];
  } catch {
    return [];
  }
}

/** One source of truth for the review list's shape: the API schema module the web client also uses. */
export type OcrReviewItem = OcrReviewItemView;

/** OCR events the user should check: low confidence, amounts and numbers (or all OCR events with all=true). */
export async function listOcrReview(ctx: AppContext, opts: { all?: boolean; limit?: number } = {}): Promise<OcrReviewItem[]> {
  const rows = await ctx.store.db
    .selectFrom('events')
    .select(['id', 'kind', 'direction', 'at', 'text', 'meta', 'labels'])
    .where('case_id', '=', ctx.caseId)
    .where('meta', 'like', '%"source":"ocr"%')
    .orderBy('at')
    .limit(Math.min(opts.limit ?? 500, 2000))
    .execute();
  const out: OcrReviewItem[] = [];
  for (const r of rows) {
    const m = JSON.parse(String(r.meta ?? '{}')) as Record<string, unknown>;
    const review = Array.isArray(m.review) ? (m.review as string[]) : [];
    const corrected = m.corrected != null;
    if (!opts.all && (review.length === 0 || corrected)) continue;
    out.push({
      id: Number(r.id), kind: r.kind, direction: r.direction, at: Number(r.at), text: r.text, ocr_text: (m.ocr_text as string) ?? null, labels: parseLabels(r.labels),
      confidence: typeof m.confidence === 'number' ? m.confidence : null, review, screenshot: (m.screenshot as string) ?? null, box: (m.box as number[]) ?? null, box_w: typeof m.box_w === 'number' ? m.box_w : null, corrected,
    });
  }
  return out;
}

/**
 * A person's correction of OCR text: the event's text changes (and is classified again), the OCR's own reading
 * stays in meta.ocr_text, and a `correction` evidence record names the event's record, the new text and why.
 */
export async function correctOcrText(ctx: AppContext, eventId: number, text: string, reason = '人工核对截图后更正 OCR 文字 corrected against the screenshot'): Promise<OcrReviewItem> {
  const clean = text.normalize('NFC').trim();
  if (!clean || clean.length > 5000) throw new AppError('BAD_INPUT', 'text: 需要 1–5000 个字 expected 1–5000 characters');
  await ctx.store.db.transaction().execute(async (trx) => {
    const ev = await repo.getEvent(trx, ctx.caseId, eventId);
    if (!ev) throw new AppError('NOT_FOUND', `事件 #${eventId} 不存在 event ${eventId} not found`);
    if (ev.meta?.source !== 'ocr') throw new AppError('BAD_INPUT', `事件 #${eventId} 不是截图识别的 event ${eventId} did not come from a screenshot`);
    // The event's record by its time and dedupe key, which a case transfer keeps (src/app/case-transfer.ts): the
    // event_id inside a payload is the id it had where it was first recorded, another event's id after a transfer.
    const candidates = await trx
      .selectFrom('evidence')
      .select(['seq', 'payload'])
      .where('case_id', '=', ctx.caseId)
      .where('kind', '=', 'event')
      .where('payload', 'like', `%"dedupe_key":${JSON.stringify(ev.dedupeKey)}%`)
      .orderBy('seq', 'desc')
      .execute();
    const rec = candidates.find((c) => {
      try {
        const p = JSON.parse(c.payload) as { at?: unknown; dedupe_key?: unknown };
        return p.dedupe_key === ev.dedupeKey && Number(p.at) === ev.at;
      } catch {
        return false;
      }
    });
    if (!rec) throw new AppError('NOT_FOUND', `事件 #${eventId} 的证据记录不存在 no evidence record for event ${eventId}`);
    const meta = { ...ev.meta, ocr_text: ev.meta?.ocr_text ?? ev.text, corrected: { at: ctx.now(), previous: ev.text } };
    const { labels, spans } = labelEvent({ ...ev, text: clean });
    await trx.updateTable('events').set({ text: clean, meta: JSON.stringify(meta), labels: JSON.stringify(labels), spans: JSON.stringify(spans) }).where('case_id', '=', ctx.caseId).where('id', '=', eventId).execute();
    await recordEvidence(ctx, trx, 'correction', { corrects: Number(rec.seq), replacement: { event_id: eventId, text: clean, ocr_text: (meta.ocr_text as string | null) ?? null }, reason });
  });
  const { refreshDerived } = await import('./derived.js');
  await refreshDerived(ctx);
  const items = await listOcrReview(ctx, { all: true, limit: 2000 });
  return items.find((i) => i.id === eventId)!;
}

/** Bytes of a stored screenshot (for the crop beside the text): only one this case holds (readAttachment). */
export async function screenshotBytes(ctx: AppContext, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await readAttachment(ctx, sha256)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const IMAGE_EXT = /\.(png|jpe?g|webp|heic|heif)$/i;

/**
 * A folder of screenshots given to `huxun import` becomes its image files (sorted by name). A folder that holds an
 * iPhone backup (Manifest.db / Manifest.plist) is left as it is for the backup importer.
 */
export function expandScreenshotFolder(path: string): string[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    return [path];
  }
  if (!st.isDirectory() || existsSync(join(path, 'Manifest.db')) || existsSync(join(path, 'Manifest.plist'))) return [path];
  const images = readdirSync(path).filter((n) => IMAGE_EXT.test(n)).sort().map((n) => join(path, n));
  return images.length ? images : [path];
}

/** The CLI's extra words for a screenshot in an import summary. */
export function screenshotNote(f: object): string {
  if (!('screen' in f)) return '';
  const s = f as ScreenshotResult;
  const parts = [`截图 ${s.screen}`];
  if (s.duplicates) parts.push(`${s.duplicates} 条与其他截图重叠 overlapping`);
  if (s.untimed) parts.push(`${s.untimed} 条没有可见时间或被截断，未导入 without a visible time or cut off, skipped`);
  if (s.lowConfidence) parts.push(`${s.lowConfidence} 条识别把握低，请核对 low confidence, please check`);
  if (s.takenAt) parts.push(`截图日期 taken ${s.takenAt} (${s.takenAtFrom}${s.takenAtPattern ? `: ${s.takenAtPattern}` : ''})`);
  return `; ${parts.join(', ')}`;
}
