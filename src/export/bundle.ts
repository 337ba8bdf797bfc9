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
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import * as yauzl from 'yauzl';
import {
  liveAttachments,
  recordsToJsonl,
  verifyChain,
  verifyChainText,
  type AttachmentPayload,
  type ChainProblem,
  type EvidenceRecord,
} from '../domain/evidence/index.js';
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
  | 'attachment_changed'; // attachments/<sha256> does not hash to its name

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

const TEXT_FILES = new Set(['records.jsonl', 'case.json', 'manifest.sha256']);
const MAX_TEXT = 1 << 30;

function fail(issues: BundleIssue[]): VerifyBundleResult {
  return { ok: false, ...issues[0]!, issues };
}

/**
 * Checks a bundle zip, streaming every entry once: the manifest against every file, records.jsonl as a chain,
 * case.json against the chain, and every live attachment against its name. On failure the first issue is
 * spread into the result (problem, message, file or record) and all are in `issues`, chain problems first.
 */
export async function verifyBundle(zipPath: string, opts: VerifyBundleOptions = {}): Promise<VerifyBundleResult> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true });
  } catch (e) {
    return fail([{ problem: 'not_a_zip', message: `${basename(zipPath)} is not a readable zip: ${(e as Error).message}` }]);
  }
  const issues: BundleIssue[] = [];
  const hashes = new Map<string, string>();
  const texts = new Map<string, Buffer>();
  try {
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName;
      if (name.endsWith('/')) continue;
      if (hashes.has(name)) {
        issues.push({ problem: 'duplicate_entry', message: `${name} appears twice in the zip`, file: name });
        continue;
      }
      const rs = await zip.openReadStreamPromise(entry);
      const h = createHash('sha256');
      const keep = TEXT_FILES.has(name.slice(name.indexOf('/') + 1)) && entry.uncompressedSize <= MAX_TEXT;
      const chunks: Buffer[] = [];
      for await (const chunk of rs as AsyncIterable<Buffer>) {
        h.update(chunk);
        if (keep) chunks.push(chunk);
      }
      hashes.set(name, h.digest('hex'));
      if (keep) texts.set(name, Buffer.concat(chunks));
    }
  } catch (e) {
    const msg = (e as Error).message;
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
  const recText = text('records.jsonl');
  let result: VerifyBundleResult | null = null;
  if (recText === null) {
    if (hashes.has(prefix + 'records.jsonl')) issues.unshift({ problem: 'chain', message: 'records.jsonl is not UTF-8 text', file: 'records.jsonl' });
    else if (!listed.has('records.jsonl')) issues.push({ problem: 'missing_file', message: 'records.jsonl is missing', file: 'records.jsonl' });
  } else {
    const chain = verifyChainText(recText, { allowRedacted: caseInfo?.redacted === true });
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
      const records = recText
        .slice(0, -1)
        .split('\n')
        .filter((l) => l.length > 0)
        .map((l) => JSON.parse(l) as EvidenceRecord);
      const live = liveAttachments(records);
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
