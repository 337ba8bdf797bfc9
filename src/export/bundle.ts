/**
 * Evidence bundles: one zip with the chain, the events, the attachments, a sha256sum manifest, a README and
 * an offline verify.html (layout in docs/evidence-format.md). Written with yazl, streaming: attachments are
 * never held in memory whole, their bytes are hashed on the way in and must match the chain. The zip is
 * written to a temporary name next to outPath and renamed when complete.
 * Read back with yauzl, streaming, by verifyBundle.
 */
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import * as yauzl from 'yauzl';
import {
  ChainTextStream,
  liveAttachments,
  recordsToJsonl,
  verifyChain,
  type AttachmentPayload,
  type ChainProblem,
  type EvidenceRecord,
  type VerifyResult,
} from '../domain/evidence/index.js';
import {
  BUNDLE_CASE_MAX_BYTES,
  BUNDLE_MANIFEST_MAX_BYTES,
  BUNDLE_MAX_ENTRIES,
  BUNDLE_MAX_RATIO,
  BUNDLE_MAX_UNCOMPRESSED_BYTES,
  BUNDLE_RATIO_MIN_BYTES,
  BUNDLE_RECORD_LINE_MAX_BYTES,
} from '../domain/limits.js';
import { localDate, toIsoLocal } from '../domain/time.js';
import { readmeText } from './readme.js';
import { collectorNumbers, collectThirdParties, makeRedactor, redactJson, redactRecords, type ThirdParties } from './redact.js';
import { verifyHtml } from './verify-html.js';

export const BUNDLE_FORMAT = 'huxun-evidence-bundle/1';
export const CHAIN_FORMAT = 'huxun-evidence-chain/1';
export const ATTACHMENT_LIST_NAME = '附件清单.txt';

export type BundleAttachment =
  | { sha256: string; name?: string; open(): Readable | Promise<Readable> }
  | { sha256: string; name?: string; path: string };

export interface BundleCaseInfo {
  /** Shown in the README and verify.html, e.g. "张某某 与 某某消费金融 催收证据". */
  title: string;
  caseId?: string | number;
  /** Epoch ms of the export: README date, case.json, the zip entries' times (so the same input gives the same zip). */
  exportedAt?: number;
  /** Written into case.json. */
  appVersion?: string;
}

export interface WriteBundleOptions {
  /** The whole chain, in order. It is verified before anything is written. */
  records: readonly EvidenceRecord[];
  /**
   * The bytes of the live attachments of the chain (attachments deleted by a tombstone are skipped; an attachment
   * that is not in the chain is an error; one the chain needs but that never comes is an error).
   */
  attachments?: AsyncIterable<BundleAttachment> | Iterable<BundleAttachment>;
  /** The timeline as JSON (events.json). */
  events: unknown;
  /** Mask third parties' names and numbers (src/export/redact.ts) in events, records and the attachment list. */
  redactThirdParties?: boolean;
  /** Third parties the caller knows beyond the chain's contact records. */
  thirdParties?: Partial<ThirdParties>;
  /** Numbers never masked (collectors'); default: the numbers of events that have a collectorId. */
  keepNumbers?: readonly string[];
  caseInfo: BundleCaseInfo;
  /** Folder name inside the zip; default huxun-evidence-YYYYMMDD (export date, Beijing time). */
  folder?: string;
  /**
   * A stream the zip bytes go through on their way to the file: an encrypted bundle passes sealStream
   * (src/store/sealed.ts) from the app layer, so the plain zip never touches the disk. zipBytes is then the size
   * of the sealed file.
   */
  outputTransform?: Transform;
}

export interface WriteBundleResult {
  path: string;
  folder: string;
  records: number;
  head: string;
  attachments: number;
  attachmentBytes: number;
  redactedRecords: number;
  zipBytes: number;
}

export class BundleError extends Error {
  constructor(
    readonly code: 'bad_chain' | 'unknown_attachment' | 'attachment_mismatch' | 'missing_attachment' | 'bad_input',
    message: string,
  ) {
    super(message);
    this.name = 'BundleError';
  }
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Deflate text-like attachments; store the rest (images, audio and PDFs are compressed already). */
function compressible(mime: string): boolean {
  return /^text\/|[/+](json|xml)$|^application\/(x-ndjson|csv|rtf|x-sh)$/.test(mime);
}

/** Hashes and counts bytes on the way through; fails at the end if they are not what the chain says. */
class CheckingTap extends Transform {
  private readonly hash = createHash('sha256');
  private bytes = 0;
  constructor(
    private readonly expectSha: string,
    private readonly expectSize: number,
    private readonly label: string,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    cb(null, chunk);
  }
  override _flush(cb: TransformCallback): void {
    const got = this.hash.digest('hex');
    if (got !== this.expectSha || this.bytes !== this.expectSize)
      cb(new BundleError('attachment_mismatch', `attachment ${this.label}: the bytes given (sha256 ${got}, ${this.bytes} bytes) are not the bytes in the chain (sha256 ${this.expectSha}, ${this.expectSize} bytes)`));
    else cb();
  }
}

function sha256(buf: Buffer | string): string {
  return createHash('sha256').update(buf).digest('hex');
}

function attachmentListText(items: { seq: number; meta: AttachmentPayload }[]): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  const claimed = (c: AttachmentPayload['claimed_at']) => (c === null ? '' : typeof c === 'number' ? toIsoLocal(c) : clean(c));
  const source = (s: string) => (s === 'user' ? '用户添加 user' : s === 'import' ? '导入 import' : `联系人转来 ${s}`);
  const lines = [
    '护讯证据包附件清单 / Huxun bundle attachment list',
    '文件在 attachments/ 文件夹中，文件名为内容的 SHA-256。Files are in attachments/, named by the SHA-256 of their content.',
    '',
    ['序号 No.', '记录号 Record', 'SHA-256（文件名 file）', '原文件名 Name', '类型 Type', '字节 Bytes', '来源 Source', '自称日期 Claimed date'].join('\t'),
    ...items.map((a, i) =>
      [String(i + 1), String(a.seq), a.meta.sha256, clean(a.meta.name), clean(a.meta.mime), String(a.meta.size), source(a.meta.source), claimed(a.meta.claimed_at)].join('\t'),
    ),
  ];
  return lines.join('\n') + '\n';
}

async function* iterate<T>(src: AsyncIterable<T> | Iterable<T> | undefined): AsyncGenerator<T> {
  if (!src) return;
  for await (const x of src as AsyncIterable<T>) yield x;
}

/**
 * Writes the bundle zip to outPath (atomically: temp file in the same folder, fsync, rename).
 * Throws BundleError if the chain does not verify or an attachment's bytes do not match the chain.
 */
export async function writeBundle(outPath: string, opts: WriteBundleOptions): Promise<WriteBundleResult> {
  const check = verifyChain(opts.records);
  if (!check.ok) throw new BundleError('bad_chain', `the evidence chain does not verify at record ${check.seq ?? check.index + 1}: ${check.message}`);
  const exportedAt = opts.caseInfo.exportedAt ?? Date.now();
  if (!Number.isSafeInteger(exportedAt)) throw new BundleError('bad_input', 'caseInfo.exportedAt must be epoch ms');
  const folder = opts.folder ?? `huxun-evidence-${localDate(exportedAt).replace(/-/g, '')}`;
  if (!/^[^/\\]+$/.test(folder) || folder === '.' || folder === '..') throw new BundleError('bad_input', `folder: ${JSON.stringify(folder)} is not a folder name`);
  const prefix = `${folder}/`;
  const mtime = new Date(exportedAt);

  // What goes out: redacted or not.
  let records: readonly EvidenceRecord[] = opts.records;
  let events: unknown = opts.events;
  let redactedRecords = 0;
  if (opts.redactThirdParties) {
    const tp = collectThirdParties(opts.records, opts.events, opts.thirdParties);
    const r = makeRedactor(tp, { keepNumbers: opts.keepNumbers ?? collectorNumbers(opts.events) });
    const red = redactRecords(opts.records, r);
    records = red.records;
    redactedRecords = red.redacted;
    events = redactJson(opts.events, r);
  }
  const live = liveAttachments(records as EvidenceRecord[]);
  const liveBySha = new Map(live.map((a) => [a.meta.sha256, a]));
  const inChain = new Set<string>();
  for (const r of opts.records) if (r.kind === 'attachment') inChain.add((r.payload as unknown as AttachmentPayload).sha256);

  const manifest: [string, string][] = [];
  const zip = new ZipFile();
  const addText = (path: string, text: string) => {
    const buf = Buffer.from(text, 'utf8');
    manifest.push([path, sha256(buf)]);
    zip.addBuffer(buf, prefix + path, { mtime, compress: true });
  };

  const tmp = join(dirname(outPath), `.${basename(outPath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let failed: Error | null = null;
  const reading = new Set<Readable>(); // attachment sources being read, closed on failure
  const abort = (e: unknown) => {
    if (!failed) failed = e instanceof Error ? e : new Error(String(e));
    for (const s of reading) s.destroy();
    (zip.outputStream as Readable).destroy(failed);
  };
  zip.on('error', abort);
  // 0600: a bundle holds the whole case; other local users must not read it (issue 10).
  const out = createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
  const written = opts.outputTransform ? pipeline(zip.outputStream as Readable, opts.outputTransform, out) : pipeline(zip.outputStream as Readable, out);
  written.catch(() => undefined); // awaited below; this keeps an early failure from being an unhandled rejection

  let attachmentBytes = 0;
  try {
    const head = check.head;
    addText('README.txt', readmeText({
      title: opts.caseInfo.title,
      exportedAt: toIsoLocal(exportedAt).replace('T', ' '),
      count: check.count,
      head,
      attachments: live.length,
      redacted: !!opts.redactThirdParties,
      redactedRecords,
    }));
    addText('verify.html', verifyHtml({ title: opts.caseInfo.title, head, count: check.count }));
    addText(
      'case.json',
      JSON.stringify(
        {
          format: BUNDLE_FORMAT,
          chain_format: CHAIN_FORMAT,
          title: opts.caseInfo.title,
          case_id: opts.caseInfo.caseId ?? null,
          exported_at: exportedAt,
          exported_at_local: toIsoLocal(exportedAt),
          app_version: opts.caseInfo.appVersion ?? null,
          records: check.count,
          head,
          attachments: live.length,
          redacted: !!opts.redactThirdParties,
          redacted_records: redactedRecords,
        },
        null,
        2,
      ) + '\n',
    );
    addText('records.jsonl', recordsToJsonl(records));
    addText('events.json', JSON.stringify(events ?? [], null, 2) + '\n');
    addText(ATTACHMENT_LIST_NAME, attachmentListText(live));

    const added = new Set<string>();
    for await (const a of iterate(opts.attachments)) {
      if (failed) break;
      if (!a || typeof a.sha256 !== 'string' || !HEX64.test(a.sha256)) throw new BundleError('bad_input', `attachment sha256 must be 64 lower-case hex digits, got ${JSON.stringify(a?.sha256)}`);
      const entry = liveBySha.get(a.sha256);
      if (!entry) {
        if (inChain.has(a.sha256)) continue; // deleted by a tombstone: its bytes stay out of the export
        throw new BundleError('unknown_attachment', `attachment ${a.sha256}${a.name ? ` (${a.name})` : ''} is not in the evidence chain`);
      }
      if (added.has(a.sha256)) continue;
      added.add(a.sha256);
      const path = `attachments/${a.sha256}`;
      manifest.push([path, a.sha256]);
      attachmentBytes += entry.meta.size;
      const label = `${a.sha256} (${entry.meta.name})`;
      zip.addReadStreamLazy(prefix + path, { mtime, compress: compressible(entry.meta.mime), size: entry.meta.size }, (cb) => {
        void (async () => {
          try {
            const src = 'path' in a ? createReadStream(a.path, { highWaterMark: 1 << 20 }) : await a.open();
            if (failed) return void src.destroy();
            reading.add(src);
            src.once('close', () => reading.delete(src));
            const tap = new CheckingTap(a.sha256, entry.meta.size, label);
            src.on('error', abort);
            tap.on('error', abort);
            cb(null, src.pipe(tap));
          } catch (e) {
            abort(e);
          }
        })();
      });
    }
    if (failed) throw failed;
    const missing = live.filter((l) => !added.has(l.meta.sha256));
    if (missing.length)
      throw new BundleError(
        'missing_attachment',
        `${missing.length} attachment(s) of the chain were not given, e.g. ${missing[0]!.meta.sha256} (${missing[0]!.meta.name}, record ${missing[0]!.seq})`,
      );
    // The manifest goes last; its text is built when yazl reaches it, i.e. after every attachment streamed and checked.
    zip.addReadStreamLazy(prefix + 'manifest.sha256', { mtime, compress: true }, (cb) => {
      cb(null, Readable.from([Buffer.from(manifest.map(([p, h]) => `${h}  ${p}\n`).join(''), 'utf8')]));
    });
    zip.end();
    await written;
    if (failed) throw failed;
    const size = await fsyncFile(tmp);
    await rename(tmp, outPath);
    await syncDir(dirname(outPath));
    return { path: outPath, folder, records: check.count, head, attachments: added.size, attachmentBytes, redactedRecords, zipBytes: size };
  } catch (e) {
    abort(e);
    await written.catch(() => undefined);
    // pipeline can settle on an early error while the file is still being opened; unlinking before the
    // stream has closed would leave the temp file behind (seen once in CI).
    if (!out.closed) await once(out, 'close').catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw failed ?? e;
  }
}

/** fsync a written file (a new descriptor flushes the same inode); returns its size. */
async function fsyncFile(path: string): Promise<number> {
  const fh = await open(path, 'r+');
  try {
    await fh.sync();
    return (await fh.stat()).size;
  } finally {
    await fh.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  try {
    const d = await open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    /* not supported everywhere (e.g. Windows); the rename itself is done */
  }
}

// ---------------------------------------------------------------------------------------------
// Verifying

export type BundleProblem =
  | 'not_a_zip'
  | 'unsafe_path' // an entry name that would escape the folder
  | 'duplicate_entry'
  | 'no_manifest'
  | 'bad_manifest'
  | 'missing_file' // listed in the manifest, not in the zip
  | 'unlisted_file' // in the zip, not in the manifest
  | 'file_changed' // sha256 differs from the manifest
  | 'chain' // records.jsonl does not verify (see record)
  | 'bad_case'
  | 'case_mismatch' // case.json's count/head differ from the chain's
  | 'head_mismatch' // the chain's head is not the one the caller expected
  | 'missing_attachment'
  | 'attachment_changed' // attachments/<sha256> does not hash to its name
  | 'too_large' // more entries or bytes than a bundle may have (src/domain/limits.ts); nothing more is read
  | 'zip_bomb'; // an entry (or the zip) inflates far more than real content does; refused before inflating

export interface BundleIssue {
  problem: BundleProblem;
  message: string;
  file?: string;
  record?: { index: number; seq: number | null; reason: ChainProblem };
}

export type VerifyBundleResult =
  | { ok: true; records: number; attachments: number; head: string; redactedRecords: number; files: number; folder: string }
  | ({ ok: false; issues: BundleIssue[] } & BundleIssue);

export interface VerifyBundleOptions {
  /** The head known from elsewhere (printed on a document…): catches a bundle whose chain was recomputed. */
  expectedHead?: string;
}

/** Text entries kept whole (capped): they are small when the app writes them. */
const KEPT_MAX: Record<string, number> = { 'manifest.sha256': BUNDLE_MANIFEST_MAX_BYTES, 'case.json': BUNDLE_CASE_MAX_BYTES };
/** All kept text together: one bundle's manifest and case.json (a zip with a thousand folders gets no more). */
const KEPT_TOTAL_MAX = BUNDLE_MANIFEST_MAX_BYTES + BUNDLE_CASE_MAX_BYTES;

function fail(issues: BundleIssue[]): VerifyBundleResult {
  return { ok: false, ...issues[0]!, issues };
}

const mib = (n: number) => `${(n / 2 ** 20).toFixed(n < 2 ** 20 ? 2 : 0)} MiB`;

/** Thrown inside the entry loop to refuse the whole zip. */
class Refusal extends Error {
  constructor(readonly issue: BundleIssue) {
    super(issue.message);
  }
}

/** The state of one records.jsonl candidate (one per folder) as it streams through the chain check. */
interface ChainRead {
  stream: ChainTextStream;
  decoder: TextDecoder;
  utf8: boolean;
  /** The first redacted record accepted: refused afterwards unless case.json says the export is redacted. */
  firstRedacted: { index: number; seq: number } | null;
  /** The records that decide which attachments are live (attachments, and corrections/tombstones naming them). */
  view: EvidenceRecord[];
  attachmentSeqs: Set<number>;
}

function chainRead(): ChainRead {
  const c: ChainRead = {
    // allowRedacted: case.json may come after records.jsonl; whether redacted records are allowed is decided
    // at the end from firstRedacted (the same result as checking with the final option).
    stream: null as unknown as ChainTextStream,
    decoder: new TextDecoder('utf-8', { fatal: true }),
    utf8: true,
    firstRedacted: null,
    view: [],
    attachmentSeqs: new Set(),
  };
  c.stream = new ChainTextStream({
    allowRedacted: true,
    // Characters, not bytes: a line of BUNDLE_RECORD_LINE_MAX_BYTES UTF-8 bytes has at most as many characters.
    maxLineChars: BUNDLE_RECORD_LINE_MAX_BYTES,
    onRecord: (rec, index) => {
      if (rec.redacted && c.firstRedacted === null) c.firstRedacted = { index, seq: rec.seq };
      if (rec.kind === 'attachment') {
        c.view.push(rec);
        c.attachmentSeqs.add(rec.seq);
      } else if (rec.kind === 'correction' || rec.kind === 'tombstone') {
        const p = rec.payload as { corrects?: unknown; removes?: unknown };
        const ref = rec.kind === 'correction' ? p.corrects : p.removes;
        if (typeof ref === 'number' && c.attachmentSeqs.has(ref)) c.view.push(rec);
      }
    },
  });
  return c;
}

/** The chain's result with redacted records allowed or not (see chainRead). */
function chainResult(c: ChainRead, allowRedacted: boolean): VerifyResult {
  const r = c.stream.end();
  const fr = c.firstRedacted;
  if (allowRedacted || fr === null || (!r.ok && r.index < fr.index)) return r;
  return { ok: false, index: fr.index, seq: fr.seq, reason: 'redacted_not_allowed', message: `record ${fr.seq} is redacted` };
}

/** The name relative to the zip's first folder ("folder/case.json" → "case.json"). */
const inFolder = (name: string) => name.slice(name.indexOf('/') + 1);

/**
 * Checks a bundle zip, streaming every entry once: the manifest against every file, records.jsonl as a chain,
 * case.json against the chain, and every live attachment against its name. On failure the first issue is
 * spread into the result (problem, message, file or record) and all are in `issues`, chain problems first.
 *
 * Bounded work whatever the zip holds (issue 10; limits in src/domain/limits.ts): entries and total bytes are
 * capped, an entry that claims to inflate more than BUNDLE_MAX_RATIO times its compressed size is refused
 * before it is inflated, bytes are counted as they stream (a header that lies is caught by the count), the
 * chain is checked line by line, and only manifest.sha256 and case.json are held, each capped.
 */
export async function verifyBundle(zipPath: string, opts: VerifyBundleOptions = {}): Promise<VerifyBundleResult> {
  let zip: yauzl.ZipFile;
  let fileSize: number;
  try {
    fileSize = (await stat(zipPath)).size;
    zip = await yauzl.openPromise(zipPath, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true });
  } catch (e) {
    return fail([{ problem: 'not_a_zip', message: `${basename(zipPath)} is not a readable zip: ${(e as Error).message}` }]);
  }
  const issues: BundleIssue[] = [];
  const hashes = new Map<string, string>();
  const texts = new Map<string, Buffer>();
  const chains = new Map<string, ChainRead>();
  // Everything the zip may inflate to: the absolute cap, and BUNDLE_MAX_RATIO times the file (catches many
  // entries that share one compressed stream, each under the per-entry ratio).
  const budget = Math.min(BUNDLE_MAX_UNCOMPRESSED_BYTES, Math.max(fileSize * BUNDLE_MAX_RATIO, 64 * 2 ** 20));
  try {
    if (zip.entryCount > BUNDLE_MAX_ENTRIES)
      throw new Refusal({ problem: 'too_large', message: `证据包文件过多，拒绝处理 (the zip has ${zip.entryCount} entries; a bundle may have at most ${BUNDLE_MAX_ENTRIES})` });
    let declared = 0;
    let kept = 0;
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName;
      if (name.endsWith('/')) continue;
      if (hashes.has(name)) {
        issues.push({ problem: 'duplicate_entry', message: `${name} appears twice in the zip`, file: name });
        continue;
      }
      // Refused from the headers, before anything is inflated.
      const size = entry.uncompressedSize;
      declared += size;
      if (size > BUNDLE_RATIO_MIN_BYTES && size > entry.compressedSize * BUNDLE_MAX_RATIO)
        throw new Refusal({
          problem: 'zip_bomb',
          message: `疑似压缩炸弹，拒绝解压 (${name} would inflate ${entry.compressedSize} bytes to ${size}, ${Math.round(size / Math.max(1, entry.compressedSize))}×; more than ${BUNDLE_MAX_RATIO}× is refused)`,
          file: name,
        });
      if (declared > budget)
        throw new Refusal({
          problem: declared > BUNDLE_MAX_UNCOMPRESSED_BYTES ? 'too_large' : 'zip_bomb',
          message: `证据包解压后过大，拒绝处理 (the entries inflate to more than ${mib(budget)} from a ${mib(fileSize)} zip; at most ${BUNDLE_MAX_RATIO}× the zip and ${mib(BUNDLE_MAX_UNCOMPRESSED_BYTES)} in all)`,
          file: name,
        });
      const rel = inFolder(name);
      const keepMax = KEPT_MAX[rel];
      if (keepMax !== undefined && size > keepMax)
        throw new Refusal({ problem: 'too_large', message: `${rel} 过大，拒绝处理 (${name} is ${size} bytes; at most ${mib(keepMax)})`, file: name });
      if (keepMax !== undefined && (kept += size) > KEPT_TOTAL_MAX)
        throw new Refusal({ problem: 'too_large', message: `证据包里的清单过多，拒绝处理 (manifest.sha256 and case.json files together exceed ${mib(KEPT_TOTAL_MAX)}: a zip with more than one bundle?)`, file: name });
      let chain: ChainRead | null = null;
      if (rel === 'records.jsonl') chains.set(name, (chain = chainRead()));

      const rs = await zip.openReadStreamPromise(entry);
      const h = createHash('sha256');
      const chunks: Buffer[] = [];
      let got = 0;
      try {
        for await (const chunk of rs as AsyncIterable<Buffer>) {
          // Counted, not trusted: yauzl checks the total against the header too (validateEntrySizes).
          got += chunk.length;
          if (got > size || (keepMax !== undefined && got > keepMax))
            throw new Refusal({ problem: 'zip_bomb', message: `${name} inflates to more bytes than its header says (${size})`, file: name });
          h.update(chunk);
          if (keepMax !== undefined) chunks.push(chunk);
          if (chain && chain.utf8 && !chain.stream.failed) {
            try {
              chain.stream.write(chain.decoder.decode(chunk, { stream: true }));
            } catch {
              chain.utf8 = false;
            }
          }
        }
      } finally {
        rs.destroy();
      }
      hashes.set(name, h.digest('hex'));
      if (keepMax !== undefined) texts.set(name, Buffer.concat(chunks));
      if (chain && chain.utf8 && !chain.stream.failed) {
        try {
          chain.stream.write(chain.decoder.decode());
        } catch {
          chain.utf8 = false;
        }
      }
    }
  } catch (e) {
    if (e instanceof Refusal) return fail([e.issue]);
    const msg = (e as Error).message;
    if (/too many bytes in the stream/.test(msg)) return fail([{ problem: 'zip_bomb', message: `reading the zip failed: an entry inflates to more bytes than its header says (${msg})` }]);
    return fail([{ problem: /invalid characters|absolute path|relative path/.test(msg) ? 'unsafe_path' : 'not_a_zip', message: `reading the zip failed: ${msg}` }]);
  } finally {
    zip.close();
  }

  const manifestName = [...hashes.keys()].filter((n) => /(^|\/)manifest\.sha256$/.test(n)).sort((a, b) => a.length - b.length)[0];
  if (!manifestName) return fail([{ problem: 'no_manifest', message: 'manifest.sha256 is not in the zip' }]);
  const prefix = manifestName.slice(0, -'manifest.sha256'.length);
  const folder = prefix.replace(/\/$/, '');
  const rel = (n: string) => (n.startsWith(prefix) ? n.slice(prefix.length) : null);
  const text = (r: string): string | null => {
    const b = texts.get(prefix + r);
    if (!b) return null;
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(b);
    } catch {
      return null;
    }
  };

  // Manifest.
  const manText = text('manifest.sha256');
  const listed = new Map<string, string>();
  const lines = (manText ?? '').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (manText === null) return fail([{ problem: 'bad_manifest', message: 'manifest.sha256 is not UTF-8 text', file: 'manifest.sha256' }]);
  for (const [i, l] of lines.entries()) {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(l);
    if (!m) return fail([{ problem: 'bad_manifest', message: `manifest.sha256 line ${i + 1} is not "<sha256>  <file>"`, file: 'manifest.sha256' }]);
    listed.set(m[2]!, m[1]!);
  }
  for (const [path, want] of listed) {
    const got = hashes.get(prefix + path);
    if (got === undefined) issues.push({ problem: 'missing_file', message: `${path} is listed in the manifest but not in the zip`, file: path });
    else if (got !== want) issues.push({ problem: 'file_changed', message: `${path} does not match its sha256 in the manifest`, file: path });
  }
  for (const name of hashes.keys()) {
    const r = rel(name);
    if (r === null) issues.push({ problem: 'unlisted_file', message: `${name} is outside the bundle folder ${folder}`, file: name });
    else if (r !== 'manifest.sha256' && !listed.has(r)) issues.push({ problem: 'unlisted_file', message: `${r} is not listed in the manifest`, file: r });
  }

  // case.json and the chain.
  type CaseJson = { redacted?: unknown; records?: unknown; head?: unknown };
  let caseInfo: CaseJson | null = null;
  const caseText = text('case.json');
  if (caseText !== null) {
    try {
      caseInfo = JSON.parse(caseText) as CaseJson;
    } catch {
      issues.push({ problem: 'bad_case', message: 'case.json is not JSON', file: 'case.json' });
    }
  }
  const chainRd = chains.get(prefix + 'records.jsonl');
  let result: VerifyBundleResult | null = null;
  if (!chainRd || !chainRd.utf8) {
    if (chainRd) issues.unshift({ problem: 'chain', message: 'records.jsonl is not UTF-8 text', file: 'records.jsonl' });
    else if (!listed.has('records.jsonl')) issues.push({ problem: 'missing_file', message: 'records.jsonl is missing', file: 'records.jsonl' });
  } else {
    const chain = chainResult(chainRd, caseInfo?.redacted === true);
    if (!chain.ok) {
      issues.unshift({
        problem: 'chain',
        message: `records.jsonl, record ${chain.seq ?? `#${chain.index + 1}`}: ${chain.message}`,
        file: 'records.jsonl',
        record: { index: chain.index, seq: chain.seq, reason: chain.reason },
      });
    } else {
      if (caseInfo && (caseInfo.records !== chain.count || caseInfo.head !== chain.head))
        issues.push({ problem: 'case_mismatch', message: `case.json says ${String(caseInfo.records)} records ending in ${String(caseInfo.head)}; the chain has ${chain.count} ending in ${chain.head}`, file: 'case.json' });
      if (opts.expectedHead !== undefined && opts.expectedHead !== chain.head)
        issues.unshift({ problem: 'head_mismatch', message: `the chain ends in ${chain.head}, not in the expected head ${opts.expectedHead}`, file: 'records.jsonl' });
      const live = liveAttachments(chainRd.view);
      for (const a of live) {
        const path = `attachments/${a.meta.sha256}`;
        const got = hashes.get(prefix + path);
        if (got === undefined) issues.push({ problem: 'missing_attachment', message: `${path} (${a.meta.name}, record ${a.seq}) is missing`, file: path });
        else if (got !== a.meta.sha256) issues.push({ problem: 'attachment_changed', message: `${path} (${a.meta.name}, record ${a.seq}) does not match its sha256: it was changed`, file: path });
      }
      // An attachment that fails both checks is reported once, with its readable name.
      const changed = new Set(issues.filter((i) => i.problem === 'attachment_changed').map((i) => i.file));
      for (let i = issues.length - 1; i >= 0; i--) if (issues[i]!.problem === 'file_changed' && changed.has(issues[i]!.file)) issues.splice(i, 1);
      result = { ok: true, records: chain.count, attachments: live.length, head: chain.head, redactedRecords: chain.redacted, files: listed.size, folder };
    }
  }
  if (issues.length) return fail(issues);
  return result ?? fail([{ problem: 'missing_file', message: 'records.jsonl is missing', file: 'records.jsonl' }]);
}
