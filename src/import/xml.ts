/**
 * Streaming XML driver shared by the SMS and calls parsers: bytes → strict UTF-8 text → surrogate
 * pre-filter → saxes (strict) → handler callbacks that queue records → records yielded between chunks.
 *
 * Back-pressure: the next chunk is read only after the records of the previous one have been taken by
 * the consumer. Memory: one chunk of text plus the records it produced (plus one MMS element with its parts).
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { normalizePhone } from '../domain/collection/phone.js';
import { chunksOf, DecodeError, Progress, resolveTz, StreamDecoder } from './stream.js';
import { SurrogateRefFilter } from './surrogates.js';
import { ImportFormatError, type ImportInput, type ImportRecord, type ParseOptions } from './types.js';

export interface XmlHandler {
  /** Called for every start tag below the root, with the depth (1 = child of the root). */
  open(tag: SaxesTagPlain, depth: number): void;
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
  parser: SaxesParser;
  /** Where the parser is (1-based line and column): the end of the tag just read. */
  position(): Position;
}

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
  const file = opts.file;
  const tz = resolveTz(opts);
  const parser = new SaxesParser({ xmlns: false, position: true });
  const queue: ImportRecord[] = [];
  const pos = (): Position => ({ line: parser.line, column: parser.column + 1 });
  const ctx: XmlContext = { file, tz, queue, count: 0, parser, position: pos };
  const handler = makeHandler(ctx);
  const progress = new Progress(opts);
  const decoder = new StreamDecoder({ mode: 'utf8' });
  const filter = new SurrogateRefFilter();
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
      handler.open(tag as SaxesTagPlain, depth);
    }
    depth++;
  });
  parser.on('closetag', (tag) => {
    depth--;
    if (depth > 0) handler.close(tag.name, depth);
  });

  let first = true;
  const write = (text: string): void => {
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM in string input
    }
    if (text.length > 0) parser.write(filter.push(text));
  };
  const decodeFailed = (e: DecodeError): never => {
    write(e.valid);
    parser.write(filter.end());
    const { line, column } = pos();
    throw new ImportFormatError(e.message, file, line, column);
  };

  for await (const chunk of chunksOf(input)) {
    opts.signal?.throwIfAborted();
    progress.add(chunk);
    if (typeof chunk === 'string') write(chunk);
    else {
      let text: string;
      try {
        text = decoder.push(chunk);
      } catch (e) {
        if (e instanceof DecodeError) decodeFailed(e);
        throw e;
      }
      write(text);
    }
    if (queue.length > 0) {
      const batch = queue.splice(0, queue.length);
      progress.records = ctx.count;
      yield* batch;
    }
  }
  opts.signal?.throwIfAborted();
  try {
    write(decoder.end());
  } catch (e) {
    if (e instanceof DecodeError) decodeFailed(e);
    throw e;
  }
  parser.write(filter.end());
  closing = true;
  parser.close();
  progress.records = ctx.count;
  progress.report();
  yield* queue.splice(0, queue.length);
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
