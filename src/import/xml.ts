/**
 * Streaming XML driver shared by the SMS and calls parsers: bytes → strict UTF-8 text → parser → handler
 * callbacks that queue records → records yielded between chunks.
 *
 * Two parsers, one result. saxes (strict, behind the surrogate pre-filter) is the authority. When the caller
 * can open the input again (opts.reopen), the fast tokenizer of fast-xml.ts runs first; at anything it cannot
 * vouch for, or any error (a handler's too: their line and column need saxes), the input is re-read from the
 * start with saxes, the records already yielded are skipped by count, and saxes goes on from there. Both
 * parsers make the same handler calls on the same valid prefix, so the records are the same either way.
 * reopen must give the same bytes; with the same chunk sizes too (a file opened again does), errors also
 * carry the same line and column as saxes alone gives (saxes places some errors at the end of a chunk).
 *
 * Back-pressure: the next chunk is read only after the records of the previous one have been taken by
 * the consumer. Memory: one chunk of text plus the records it produced (plus one MMS element with its parts).
 * On an error, the records completed before it are yielded, then the error is thrown, whatever the chunking.
 */
import { SaxesParser } from 'saxes';
import { normalizePhone } from '../domain/collection/phone.js';
import { FastXmlTokenizer, FastPathUnsupported, type XmlTag } from './fast-xml.js';
import { chunksOf, DecodeError, Progress, resolveTz, StreamDecoder } from './stream.js';
import { SurrogateRefFilter } from './surrogates.js';
import { ImportFormatError, type ImportInput, type ImportRecord, type ParseOptions } from './types.js';

export type { XmlTag } from './fast-xml.js';

export interface XmlHandler {
  /** Called for every start tag below the root, with the depth (1 = child of the root). */
  open(tag: XmlTag, depth: number): void;
  /** Called for every end tag below the root (also right after open() for a self-closing tag). */
  close(name: string, depth: number): void;
}

export interface Position {
  line: number;
  column: number;
}

export interface XmlContext {
  file: string;
  tz: string;
  queue: ImportRecord[];
  /** Records emitted so far (also the next record's position). */
  count: number;
  /**
   * Where the parser is (1-based line and column): the end of the tag just read. Only for error messages:
   * the fast path has no positions (0:0), and an error thrown there is raised again by the saxes re-parse.
   */
  position(): Position;
}

/** What both passes share about one parse. */
interface XmlJob {
  opts: ParseOptions;
  tz: string;
  root: string;
  rootLabel: { zh: string; en: string };
  makeHandler: (ctx: XmlContext) => XmlHandler;
  progress: Progress;
}

const NO_POSITION: Position = { line: 0, column: 0 };

/** The saxes message without its "line:col: " prefix (no data from the document is in saxes messages but names). */
function saxesMessage(e: Error): string {
  return e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '');
}

export async function* parseXmlStream(
  input: ImportInput,
  opts: ParseOptions,
  root: string,
  rootLabel: { zh: string; en: string },
  makeHandler: (ctx: XmlContext) => XmlHandler,
): AsyncGenerator<ImportRecord> {
  const job: XmlJob = { opts, tz: resolveTz(opts), root, rootLabel, makeHandler, progress: new Progress(opts) };
  if (!opts.reopen) {
    yield* saxesPass(job, input, 0);
    return;
  }
  const yielded = { count: 0 };
  if (yield* fastPass(job, input, yielded)) return;
  job.progress.restart();
  yield* saxesPass(job, opts.reopen(), yielded.count);
}

/** Drops a BOM at the start of string input (the decoder drops it from bytes). */
function bomStripper(): (text: string) => string {
  let first = true;
  return (text) => {
    if (!first || text.length === 0) return text;
    first = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  };
}

/**
 * The fast tokenizer over the whole input. Returns false, having yielded `yielded.count` records, when saxes
 * must take over; true when the document is complete.
 */
async function* fastPass(job: XmlJob, input: ImportInput, yielded: { count: number }): AsyncGenerator<ImportRecord, boolean> {
  const { opts, progress, root } = job;
  const queue: ImportRecord[] = [];
  const ctx: XmlContext = { file: opts.file, tz: job.tz, queue, count: 0, position: () => NO_POSITION };
  const handler = job.makeHandler(ctx);
  const tokenizer = new FastXmlTokenizer({
    open(tag, depth) {
      if (depth > 0) handler.open(tag, depth);
      else if (tag.name !== root) throw new FastPathUnsupported('root element');
    },
    close(name, depth) {
      if (depth > 0) handler.close(name, depth);
    },
  });
  const decoder = new StreamDecoder({ mode: 'utf8' });
  const stripBom = bomStripper();

  for await (const chunk of chunksOf(input)) {
    opts.signal?.throwIfAborted();
    progress.add(chunk);
    try {
      tokenizer.write(stripBom(typeof chunk === 'string' ? chunk : decoder.push(chunk)));
    } catch {
      return false;
    }
    if (queue.length > 0) {
      progress.records = ctx.count;
      yielded.count += queue.length;
      for (const r of queue.splice(0, queue.length)) yield r;
    }
  }
  opts.signal?.throwIfAborted();
  try {
    tokenizer.write(stripBom(decoder.end()));
    tokenizer.end();
  } catch {
    return false;
  }
  progress.records = ctx.count;
  progress.report();
  yielded.count += queue.length;
  for (const r of queue.splice(0, queue.length)) yield r;
  return true;
}

/** saxes over the whole input; the first `skip` records were yielded by the fast pass and are not again. */
async function* saxesPass(job: XmlJob, input: ImportInput, skip: number): AsyncGenerator<ImportRecord> {
  const { opts, progress, root, rootLabel } = job;
  const file = opts.file;
  const parser = new SaxesParser({ xmlns: false, position: true });
  const queue: ImportRecord[] = [];
  const pos = (): Position => ({ line: parser.line, column: parser.column + 1 });
  const ctx: XmlContext = { file, tz: job.tz, queue, count: 0, position: pos };
  const handler = job.makeHandler(ctx);
  const decoder = new StreamDecoder({ mode: 'utf8' });
  const filter = new SurrogateRefFilter();
  const stripBom = bomStripper();
  let depth = 0;
  let closing = false;
  let sawRoot = false;

  parser.on('error', (e) => {
    const msg = saxesMessage(e);
    const { line, column } = pos();
    if (closing) {
      throw new ImportFormatError(
        sawRoot
          ? `文件不完整（在中途被截断）/ incomplete file (cut off before the end): ${msg}`
          : `文件为空或没有 XML 内容 / empty file or no XML content: ${msg}`,
        file,
        line,
        column,
      );
    }
    throw new ImportFormatError(`XML 格式错误 / malformed XML: ${msg}`, file, line, column);
  });
  parser.on('opentag', (tag) => {
    if (depth === 0) {
      sawRoot = true;
      if (tag.name !== root) {
        throw new ImportFormatError(
          `不是${rootLabel.zh}：根元素应为 <${root}> / not ${rootLabel.en}: the root element should be <${root}>`,
          file,
          parser.line,
          parser.column + 1,
        );
      }
    } else {
      handler.open(tag as XmlTag, depth);
    }
    depth++;
  });
  parser.on('closetag', (tag) => {
    depth--;
    if (depth > 0) handler.close(tag.name, depth);
  });

  const write = (text: string): void => {
    text = stripBom(text);
    if (text.length > 0) parser.write(filter.push(text));
  };
  const decode = (next: () => string): string => {
    try {
      return next();
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      write(e.valid);
      parser.write(filter.end());
      const { line, column } = pos();
      throw new ImportFormatError(e.message, file, line, column);
    }
  };
  /** The records queued so far, less those still to skip. */
  const ready = (): ImportRecord[] => {
    const batch = queue.splice(0, queue.length);
    if (skip === 0) return batch;
    const n = Math.min(skip, batch.length);
    skip -= n;
    return batch.slice(n);
  };

  let failure: { error: unknown } | null = null;
  for await (const chunk of chunksOf(input)) {
    opts.signal?.throwIfAborted();
    progress.add(chunk);
    try {
      write(typeof chunk === 'string' ? chunk : decode(() => decoder.push(chunk)));
    } catch (error) {
      failure = { error };
    }
    if (queue.length > 0) {
      progress.records = ctx.count;
      for (const r of ready()) yield r;
    }
    if (failure) throw failure.error;
  }
  opts.signal?.throwIfAborted();
  try {
    write(decode(() => decoder.end()));
    parser.write(filter.end());
    closing = true;
    parser.close();
  } catch (error) {
    failure = { error };
  }
  progress.records = ctx.count;
  if (!failure) progress.report();
  for (const r of ready()) yield r;
  if (failure) throw failure.error;
}

/** Integer attribute value, or null when missing, "null" or not an integer. */
export function intAttr(v: string | undefined): number | null {
  if (v === undefined) return null;
  const n = v.length;
  if (n === 0 || n > 17) return null;
  let i = 0;
  let neg = false;
  if (v.charCodeAt(0) === 0x2d) {
    if (n === 1) return null;
    neg = true;
    i = 1;
  }
  let x = 0;
  for (; i < n; i++) {
    const d = v.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return null;
    x = x * 10 + d;
  }
  return neg ? -x : x;
}

/** A string attribute, with the app's "null" placeholder and empty strings read as absent. */
export function strAttr(v: string | undefined): string | null {
  if (v == null || v === '' || v === 'null') return null;
  return v;
}

/** The app's contact_name: absent for "(Unknown)" and the "null" placeholder. */
export function contactName(v: string | undefined): string | null {
  const s = strAttr(v)?.trim();
  if (!s || s === '(Unknown)' || s === 'Unknown' || s === '(未知)' || s === '未知') return null;
  return s;
}

/**
 * Epoch ms of a `date` attribute. The app writes milliseconds; a value below 1e11 (before 1973 as ms)
 * is read as seconds, which is how MMS dates are stored on the phone.
 */
export function epochAttr(v: string | undefined): number | null {
  const n = intAttr(v);
  if (n == null || n < 0) return null;
  return n < 1e11 ? n * 1000 : n;
}

/** normalizePhone with a bounded memo: a backup repeats the same few hundred numbers many times. */
export function phoneNormaliser(): (raw: string | null | undefined) => string | null {
  const memo = new Map<string, string | null>();
  return (raw) => {
    if (raw == null) return null;
    let v = memo.get(raw);
    if (v === undefined) {
      v = normalizePhone(raw);
      if (memo.size >= 20000) memo.clear();
      memo.set(raw, v);
    }
    return v;
  };
}
