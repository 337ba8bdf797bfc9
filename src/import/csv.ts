/**
 * CSV events and contacts (columns and value spellings: docs/csv-format.md).
 *
 * - Encoding detected: UTF-8, UTF-8 with BOM, UTF-16 LE/BE (BOM or NUL pattern), GB18030/GBK (when the
 *   first non-ASCII bytes are not valid UTF-8).
 * - RFC 4180: quoted fields with "" for a quote, embedded commas and line breaks, CRLF or LF. The
 *   delimiter is the one of `,` `\t` `;` that the header line uses most (outside quotes).
 * - The first non-blank row is the header; columns are matched by name (English or Chinese alias,
 *   case-insensitive, units in brackets ignored); unknown columns are ignored.
 * - A row error is an ImportFormatError with the file, the line the row starts on, the 1-based column
 *   number, and a message naming the column and what was expected (never the cell's content).
 *
 * Dedupe keys (hex sha256 of the JSON array):
 *   events:   ["csv", kind, direction, number, at, text, duration_s, call_status, contact_number]
 *   contacts: ["contact", name, numbers sorted]   (the same key as a vCard contact)
 */
import { normalizePhone } from '../domain/collection/phone.js';
import {
  EVENT_KINDS,
  type CallStatus,
  type Direction,
  type EventKind,
  type NewContact,
  type NewEvent,
  type Recipient,
} from '../domain/collection/types.js';
import { parseDateTime } from '../domain/time.js';
import { chunksOf, DecodeError, Progress, resolveTz, stableKey, StreamDecoder } from './stream.js';
import { ImportFormatError, type ImportInput, type ImportRecord, type ParseOptions } from './types.js';

export type CsvKind = 'events' | 'contacts';

export const EVENT_COLUMNS = [
  'kind',
  'direction',
  'at',
  'number',
  'text',
  'duration_s',
  'contact_name',
  'call_status',
  'recipient',
  'contact_number',
] as const;
export const CONTACT_COLUMNS = ['name', 'number', 'relation', 'note', 'is_guarantor'] as const;
export type EventColumn = (typeof EVENT_COLUMNS)[number];
export type ContactColumn = (typeof CONTACT_COLUMNS)[number];

/** Header aliases (after normaliseHeader). */
const EVENT_ALIASES: Record<EventColumn, string[]> = {
  kind: ['kind', 'type', 'event_type', '类型', '种类', '事件类型', '记录类型'],
  direction: ['direction', 'dir', '方向', '收发', '呼叫方向', '收/发'],
  at: ['at', 'time', 'date', 'datetime', 'date_time', 'timestamp', '时间', '日期', '日期时间', '发生时间', '通话时间', '发送时间', '接收时间', '时间戳'],
  number: ['number', 'phone', 'phone_number', 'address', 'tel', 'from', '号码', '电话', '电话号码', '手机', '手机号', '手机号码', '对方号码', '来电号码'],
  text: ['text', 'body', 'content', 'message', 'msg', '内容', '短信内容', '正文', '消息', '消息内容', '文本'],
  duration_s: ['duration_s', 'duration', 'seconds', '时长', '通话时长', '持续时间', '秒数'],
  contact_name: ['contact_name', 'name', 'contact', '姓名', '联系人', '名称', '对方', '联系人姓名'],
  call_status: ['call_status', 'status', 'call_type', '通话状态', '状态', '通话类型'],
  recipient: ['recipient', 'to_whom', '接收人', '接收对象', '对象', '收信人'],
  contact_number: ['contact_number', '联系人号码', '被联系人号码', '亲友号码'],
};
const CONTACT_ALIASES: Record<ContactColumn, string[]> = {
  name: ['name', 'contact_name', 'full_name', '姓名', '名字', '联系人', '名称', '联系人姓名'],
  number: ['number', 'numbers', 'phone', 'phone_number', 'tel', 'mobile', '号码', '电话', '电话号码', '手机', '手机号', '手机号码', '联系电话'],
  relation: ['relation', 'relationship', '关系', '与本人关系', '与借款人关系'],
  note: ['note', 'notes', 'remark', 'comment', '备注', '说明'],
  is_guarantor: ['is_guarantor', 'guarantor', '担保人', '是否担保人', '是否为担保人'],
};

/** Header cell → lookup form: lower case, no spaces/underscores/dashes, units in brackets removed. */
export function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/[（(【[][^）)】\]]*[）)】\]]/g, '')
    .toLowerCase()
    .replace(/[\s\-]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const lookup = <C extends string>(aliases: Record<C, string[]>): Map<string, C> => {
  const m = new Map<string, C>();
  for (const [col, names] of Object.entries(aliases) as Array<[C, string[]]>) for (const n of names) m.set(normaliseHeader(n), col);
  return m;
};
const EVENT_LOOKUP = lookup(EVENT_ALIASES);
const CONTACT_LOOKUP = lookup(CONTACT_ALIASES);

export interface HeaderAnalysis {
  delimiter: string;
  cells: string[];
  /** Which kind of CSV the header fits, or null. */
  kind: CsvKind | null;
  eventColumns: Array<EventColumn | null>;
  contactColumns: Array<ContactColumn | null>;
}

/** Picks the delimiter of a header line: the most frequent of , \t ; outside quotes (default ,). */
export function sniffDelimiter(line: string): string {
  const counts: Record<string, number> = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c in counts) counts[c]!++;
  }
  let best = ',';
  for (const d of ['\t', ';']) if (counts[d]! > counts[best]!) best = d;
  return best;
}

/** Splits one complete line (no embedded line breaks) into fields; for header analysis. */
export function splitLine(line: string, delimiter: string): string[] {
  const t = new CsvTokenizer(delimiter);
  const rows = [...t.push(line), ...t.end()];
  return rows[0]?.fields ?? [];
}

export function analyzeHeader(line: string, fileName = ''): HeaderAnalysis {
  const delimiter = sniffDelimiter(line);
  return analyzeCells(splitLine(line.replace(/^\uFEFF/, ''), delimiter), delimiter, fileName);
}

export function analyzeCells(cells: string[], delimiter: string, fileName = ''): HeaderAnalysis {
  const eventColumns = cells.map((c) => EVENT_LOOKUP.get(normaliseHeader(c)) ?? null);
  const contactColumns = cells.map((c) => CONTACT_LOOKUP.get(normaliseHeader(c)) ?? null);
  const hasAt = eventColumns.includes('at');
  const isContacts = contactColumns.includes('number') && contactColumns.includes('name');
  let kind: CsvKind | null = null;
  if (hasAt) kind = 'events';
  else if (isContacts) kind = 'contacts';
  // A header with a time column and only name/number besides: the file name decides.
  if (hasAt && isContacts && /contact|联系人|通讯录/i.test(fileName)) {
    const others = eventColumns.filter((c) => c != null && c !== 'at' && c !== 'contact_name' && c !== 'number');
    if (others.length === 0) kind = 'contacts';
  }
  return { delimiter, cells, kind, eventColumns, contactColumns };
}

interface Row {
  fields: string[];
  line: number;
}

/** RFC 4180 tokenizer over text chunks; rows carry the line they start on. */
export class CsvTokenizer {
  private state: 0 | 1 | 2 | 3 = 0; // 0 field start, 1 unquoted, 2 quoted, 3 quote seen inside quoted
  private field = '';
  private fields: string[] = [];
  private line = 1;
  private rowLine = 1;
  private quoteLine = 1;
  private cr = false;
  constructor(readonly delimiter: string) {}

  push(text: string): Row[] {
    const rows: Row[] = [];
    const d = this.delimiter;
    let i = 0;
    const n = text.length;
    while (i < n) {
      let c = text[i]!;
      if (this.cr) {
        this.cr = false;
        if (c === '\n') {
          i++;
          continue;
        }
      }
      if (c === '\r') {
        // CR and CRLF both end a line; inside quotes they are kept as \n.
        this.cr = true;
        c = '\n';
      }
      switch (this.state) {
        case 0:
          if (c === '"') {
            this.state = 2;
            this.quoteLine = this.line;
          } else if (c === d) this.fields.push('');
          else if (c === '\n') this.endRow(rows);
          else {
            this.field = c;
            this.state = 1;
          }
          break;
        case 1: {
          // Fast path: take the run up to the next delimiter or line break.
          let j = i;
          while (j < n) {
            const x = text[j];
            if (x === d || x === '\n' || x === '\r') break;
            j++;
          }
          this.field += text.slice(i, j);
          i = j;
          if (i >= n) continue;
          c = text[i]!;
          if (c === '\r') {
            this.cr = true;
            c = '\n';
          }
          if (c === d) {
            this.fields.push(this.field);
            this.field = '';
            this.state = 0;
          } else this.endRow(rows);
          break;
        }
        case 2: {
          let j = text.indexOf('"', i);
          if (j === -1) j = n;
          const chunk = text.slice(i, j);
          this.field += chunk.includes('\r') ? chunk.replace(/\r\n?/g, '\n') : chunk;
          for (let k = chunk.indexOf('\n'); k !== -1; k = chunk.indexOf('\n', k + 1)) this.line++;
          // a CR-only break counts as a line too
          for (let k = chunk.indexOf('\r'); k !== -1; k = chunk.indexOf('\r', k + 1)) if (chunk[k + 1] !== '\n') this.line++;
          this.cr = chunk.endsWith('\r');
          i = j;
          if (i < n) this.state = 3;
          break;
        }
        case 3:
          if (c === '"') {
            this.field += '"';
            this.state = 2;
          } else if (c === d) {
            this.fields.push(this.field);
            this.field = '';
            this.state = 0;
          } else if (c === '\n') this.endRow(rows);
          else {
            throw new CsvSyntaxError('引号结束后应为分隔符或换行 / expected a delimiter or line end after a closing quote', this.line, this.fields.length + 1);
          }
          break;
      }
      i++;
    }
    return rows;
  }

  /** Where the tokenizer is: the current line and the 1-based field number. */
  position(): { line: number; column: number } {
    return { line: this.line, column: this.fields.length + 1 };
  }

  end(): Row[] {
    if (this.state === 2) {
      throw new CsvSyntaxError(
        '引号未闭合，文件在字段中间结束（被截断？）/ unclosed quote: the file ends inside a quoted field (truncated?)',
        this.quoteLine,
        this.fields.length + 1,
      );
    }
    const rows: Row[] = [];
    if (this.state !== 0 || this.fields.length > 0) this.endRow(rows, false);
    return rows;
  }

  private endRow(rows: Row[], newline = true): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = 0;
    const f = this.fields;
    this.fields = [];
    if (!(f.length === 1 && f[0]!.trim() === '')) rows.push({ fields: f, line: this.rowLine });
    if (newline) this.line++;
    this.rowLine = this.line;
  }
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

export async function* parseCsv(input: ImportInput, opts: ParseOptions & { kind?: CsvKind }): AsyncGenerator<ImportRecord> {
  const file = opts.file;
  const tz = resolveTz(opts);
  const progress = new Progress(opts);
  const decoder = new StreamDecoder({ mode: 'auto' });
  let headText: string | null = ''; // text until the header line is complete, then null
  let tokenizer: CsvTokenizer | null = null;
  let rowMapper: ((row: Row) => ImportRecord | null) | null = null;
  let headerSeen = false;
  let records = 0;
  let headerLine = 1;

  const fail = (msg: string, line: number | null, column: number | null = null) => new ImportFormatError(msg, file, line, column);

  const onRows = (rows: Row[], out: ImportRecord[]) => {
    for (const row of rows) {
      if (!headerSeen) {
        headerSeen = true;
        headerLine = row.line;
        rowMapper = makeMapper(row.fields, tokenizer!.delimiter, opts.kind, file, tz, () => records, headerLine);
        continue;
      }
      const rec = rowMapper!(row);
      if (rec) {
        out.push(rec);
        records++;
      }
    }
  };

  const feed = (text: string, out: ImportRecord[]) => {
    if (text.length === 0) return;
    if (tokenizer == null) {
      headText += text;
      headText = headText!.replace(/^\uFEFF/, '');
      const nl = headText!.search(/\r|\n/);
      if (nl === -1) return;
      // Skip leading blank lines when choosing the delimiter.
      const firstLine = headText!.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
      if (firstLine === '' && headText!.trim() === '') return;
      tokenizer = new CsvTokenizer(sniffDelimiter(firstLine));
      const t = headText!;
      headText = null;
      onRows(tokenizer.push(t), out);
      return;
    }
    onRows(tokenizer.push(text), out);
  };

  const guarded = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof CsvSyntaxError) throw fail(e.message, e.line, e.column);
      if (e instanceof DecodeError) {
        let where: { line: number; column: number } = { line: 1, column: 1 };
        try {
          feed(e.valid, []);
        } catch {
          /* the earlier error is reported below */
        }
        where = tokenizer ? tokenizer.position() : { line: 1, column: 1 };
        throw fail(e.message, where.line, null);
      }
      throw e;
    }
  };

  for await (const chunk of chunksOf(input)) {
    opts.signal?.throwIfAborted();
    progress.add(chunk);
    const out: ImportRecord[] = [];
    guarded(() => feed(typeof chunk === 'string' ? chunk : decoder.push(chunk), out));
    if (out.length > 0) {
      progress.records = records;
      yield* out;
    }
  }
  opts.signal?.throwIfAborted();
  const out: ImportRecord[] = [];
  guarded(() => {
    feed(decoder.end(), out);
    if (tokenizer == null && headText != null && headText.trim() !== '') {
      tokenizer = new CsvTokenizer(sniffDelimiter(headText));
      onRows(tokenizer.push(headText), out);
      headText = null;
    }
    if (tokenizer) onRows(tokenizer.end(), out);
  });
  if (!headerSeen) throw fail('文件为空：没有表头行 / empty file: no header row', 1);
  progress.records = records;
  progress.report();
  yield* out;
}

export function parseCsvEvents(input: ImportInput, opts: ParseOptions): AsyncGenerator<ImportRecord> {
  return parseCsv(input, { ...opts, kind: 'events' });
}

export function parseCsvContacts(input: ImportInput, opts: ParseOptions): AsyncGenerator<ImportRecord> {
  return parseCsv(input, { ...opts, kind: 'contacts' });
}

// ---- rows → records ----------------------------------------------------------------------------

function makeMapper(
  header: string[],
  delimiter: string,
  want: CsvKind | undefined,
  file: string,
  tz: string,
  count: () => number,
  headerLine: number,
): (row: Row) => ImportRecord | null {
  const a = analyzeCells(header, delimiter, file);
  const kind = want ?? a.kind;
  if (kind == null || (want === 'events' && !a.eventColumns.includes('at')) || (want === 'contacts' && !a.contactColumns.includes('number') && !a.contactColumns.includes('name'))) {
    const expected =
      (want ?? 'events') === 'events'
        ? '事件表至少需要「时间」(at) 列 / an events CSV needs at least an "at" (时间) column'
        : '联系人表需要「姓名」(name) 和「号码」(number) 列 / a contacts CSV needs "name" (姓名) and "number" (号码) columns';
    throw new ImportFormatError(
      `无法识别 CSV 表头 / CSV header not recognised: ${want == null ? '事件表需要「时间」列，联系人表需要「姓名」「号码」列 / events need an "at" (时间) column, contacts need "name" (姓名) and "number" (号码)' : expected}`,
      file,
      headerLine,
      null,
    );
  }
  const nameOf = (i: number) => JSON.stringify((header[i] ?? '').replace(/^\uFEFF/, '').trim());
  const width = header.length;

  const checkWidth = (row: Row) => {
    if (row.fields.length > width && row.fields.slice(width).some((f) => f.trim() !== '')) {
      throw new ImportFormatError(
        `这一行有 ${row.fields.length} 个字段，表头只有 ${width} 列（字段里有未加引号的逗号？）/ the row has ${row.fields.length} fields but the header has ${width} (an unquoted comma in a field?)`,
        file,
        row.line,
        width + 1,
      );
    }
  };

  if (kind === 'events') {
    const cols = new Map<EventColumn, number>();
    a.eventColumns.forEach((c, i) => {
      if (c == null) return;
      if (cols.has(c)) {
        throw new ImportFormatError(`表头中 ${c} 列出现了两次（${nameOf(cols.get(c)!)} 和 ${nameOf(i)}）/ column ${c} appears twice in the header`, file, headerLine, i + 1);
      }
      cols.set(c, i);
    });
    return (row) => {
      checkWidth(row);
      const cell = (c: EventColumn): string => {
        const i = cols.get(c);
        return i == null ? '' : (row.fields[i] ?? '').trim();
      };
      const bad = (c: EventColumn, expected: string): never => {
        const i = cols.get(c)!;
        throw new ImportFormatError(`${nameOf(i)} 列（${c}）/ column ${nameOf(i)} (${c}): ${expected}`, file, row.line, i + 1);
      };
      if (row.fields.every((f) => f.trim() === '')) return null;
      return { type: 'event', event: eventFromRow(cell, bad, tz, count()) };
    };
  }

  const nameCols: number[] = [];
  const numberCols: number[] = [];
  const single = new Map<ContactColumn, number>();
  a.contactColumns.forEach((c, i) => {
    if (c === 'number') numberCols.push(i);
    else if (c === 'name') nameCols.push(i);
    else if (c != null && !single.has(c)) single.set(c, i);
  });
  return (row) => {
    checkWidth(row);
    const at = (i: number | undefined) => (i == null ? '' : (row.fields[i] ?? '').trim());
    const name = nameCols.map(at).find((s) => s !== '') ?? '';
    const numbers: string[] = [];
    for (const i of numberCols) {
      for (const piece of at(i).split(/[;；,，、/|\n]+/)) {
        if (piece.trim() === '') continue;
        const n = normalizePhone(piece);
        if (n == null) {
          if (!/\d/.test(piece)) continue;
          throw new ImportFormatError(
            `${nameOf(i)} 列（number）/ column ${nameOf(i)} (number): 应为电话号码，多个号码用分号隔开 / expected phone numbers separated by ;`,
            file,
            row.line,
            i + 1,
          );
        }
        if (!numbers.includes(n)) numbers.push(n);
      }
    }
    if (!name && numbers.length === 0) return null;
    const relation = at(single.get('relation')) || null;
    const note = at(single.get('note')) || null;
    const g = at(single.get('is_guarantor'));
    let isGuarantor = relation != null && /担保/.test(relation);
    if (g !== '') {
      const v = parseBool(g);
      if (v == null) {
        const i = single.get('is_guarantor')!;
        throw new ImportFormatError(`${nameOf(i)} 列（is_guarantor）/ column ${nameOf(i)} (is_guarantor): 应为 是/否 / expected yes/no`, file, row.line, i + 1);
      }
      isGuarantor = v;
    }
    const contact: NewContact = { name, numbers, note, relation, isGuarantor, dedupeKey: stableKey(['contact', name, [...numbers].sort()]) };
    return { type: 'contact', contact, meta: { position: count() } };
  };
}

function parseBool(s: string): boolean | null {
  const v = s.trim().toLowerCase();
  if (['是', 'yes', 'y', 'true', '1', '√', '✓', '对'].includes(v)) return true;
  if (['否', 'no', 'n', 'false', '0', '×', '不是', ''].includes(v)) return false;
  return null;
}

const KIND_WORDS: Record<string, { kind: EventKind; direction?: Direction; status?: CallStatus }> = {
  电话: { kind: 'call' },
  通话: { kind: 'call' },
  来电: { kind: 'call', direction: 'in' },
  呼入: { kind: 'call', direction: 'in' },
  已接: { kind: 'call', direction: 'in', status: 'answered' },
  已接来电: { kind: 'call', direction: 'in', status: 'answered' },
  去电: { kind: 'call', direction: 'out', status: 'outgoing' },
  呼出: { kind: 'call', direction: 'out', status: 'outgoing' },
  已拨: { kind: 'call', direction: 'out', status: 'outgoing' },
  已拨电话: { kind: 'call', direction: 'out', status: 'outgoing' },
  未接: { kind: 'call', direction: 'in', status: 'missed' },
  未接来电: { kind: 'call', direction: 'in', status: 'missed' },
  拒接: { kind: 'call', direction: 'in', status: 'rejected' },
  已拒接: { kind: 'call', direction: 'in', status: 'rejected' },
  拦截: { kind: 'call', direction: 'in', status: 'blocked' },
  已拦截: { kind: 'call', direction: 'in', status: 'blocked' },
  语音信箱: { kind: 'call', direction: 'in', status: 'voicemail' },
  短信: { kind: 'sms' },
  信息: { kind: 'sms' },
  彩信: { kind: 'sms' },
  收到: { kind: 'sms', direction: 'in' },
  接收: { kind: 'sms', direction: 'in' },
  发送: { kind: 'sms', direction: 'out' },
  已发送: { kind: 'sms', direction: 'out' },
  mms: { kind: 'sms' },
  微信: { kind: 'im' },
  qq: { kind: 'im' },
  即时消息: { kind: 'im' },
  聊天: { kind: 'im' },
  上门: { kind: 'visit' },
  上门催收: { kind: 'visit' },
  家访: { kind: 'visit' },
  信件: { kind: 'letter' },
  函件: { kind: 'letter' },
  律师函: { kind: 'letter' },
  邮件: { kind: 'letter' },
  第三方告知: { kind: 'third_party_report' },
  亲友告知: { kind: 'third_party_report' },
  第三方: { kind: 'third_party_report' },
  还款: { kind: 'payment' },
  付款: { kind: 'payment' },
  转账: { kind: 'payment' },
  备注: { kind: 'note' },
  笔记: { kind: 'note' },
  记录: { kind: 'note' },
};

const DIRECTION_WORDS: Record<string, Direction> = {
  in: 'in',
  incoming: 'in',
  inbound: 'in',
  received: 'in',
  receive: 'in',
  inbox: 'in',
  来: 'in',
  来电: 'in',
  呼入: 'in',
  收: 'in',
  收到: 'in',
  接收: 'in',
  对方发: 'in',
  out: 'out',
  outgoing: 'out',
  outbound: 'out',
  sent: 'out',
  send: 'out',
  去: 'out',
  去电: 'out',
  呼出: 'out',
  发: 'out',
  发送: 'out',
  已发送: 'out',
  我发: 'out',
  unknown: 'unknown',
  未知: 'unknown',
};

const STATUS_WORDS: Record<string, CallStatus> = {
  answered: 'answered',
  outgoing: 'outgoing',
  missed: 'missed',
  voicemail: 'voicemail',
  rejected: 'rejected',
  blocked: 'blocked',
  answered_elsewhere: 'answered_elsewhere',
  已接: 'answered',
  已接听: 'answered',
  接通: 'answered',
  已接来电: 'answered',
  呼出: 'outgoing',
  已拨: 'outgoing',
  去电: 'outgoing',
  未接: 'missed',
  未接来电: 'missed',
  语音信箱: 'voicemail',
  拒接: 'rejected',
  已拒接: 'rejected',
  拦截: 'blocked',
  已拦截: 'blocked',
  骚扰拦截: 'blocked',
  其他设备接听: 'answered_elsewhere',
};

const RECIPIENT_WORDS: Record<string, Recipient> = {
  debtor: 'debtor',
  self: 'debtor',
  me: 'debtor',
  本人: 'debtor',
  自己: 'debtor',
  借款人: 'debtor',
  third_party: 'third_party',
  第三方: 'third_party',
  联系人: 'third_party',
  亲友: 'third_party',
  家人: 'third_party',
  同事: 'third_party',
  unknown: 'unknown',
  未知: 'unknown',
};

function eventFromRow(cell: (c: EventColumn) => string, bad: (c: EventColumn, expected: string) => never, tz: string, position: number): NewEvent {
  const rawAt = cell('at');
  if (rawAt === '') bad('at', '缺少时间 / missing time: ' + AT_EXPECTED);
  const at = parseAt(rawAt, tz);
  if (at == null) bad('at', AT_EXPECTED);

  let kind: EventKind | null = null;
  let direction: Direction | null = null;
  let callStatus: CallStatus | null = null;
  const k = cell('kind');
  if (k !== '') {
    const lk = k.toLowerCase().replace(/[\s-]+/g, '_');
    if ((EVENT_KINDS as readonly string[]).includes(lk)) kind = lk as EventKind;
    else {
      const w = KIND_WORDS[lk];
      if (!w) bad('kind', `应为 ${EVENT_KINDS.join(', ')} 之一（或 电话、短信、来电、未接……）/ expected one of ${EVENT_KINDS.join(', ')}`);
      kind = w.kind;
      direction = w.direction ?? null;
      callStatus = w.status ?? null;
    }
  }

  const d = cell('direction');
  if (d !== '') {
    const v = DIRECTION_WORDS[d.toLowerCase()];
    if (!v) bad('direction', '应为 in（来/收）、out（去/发）或 unknown / expected in, out or unknown');
    direction = v;
  }

  const s = cell('call_status');
  if (s !== '') {
    const v = STATUS_WORDS[s.toLowerCase().replace(/[\s-]+/g, '_')];
    if (!v) bad('call_status', 'expected answered, outgoing, missed, voicemail, rejected, blocked or answered_elsewhere（已接、呼出、未接、语音信箱、拒接、拦截）');
    callStatus = v;
  }

  const dur = cell('duration_s');
  let durationS: number | null = null;
  if (dur !== '') {
    durationS = parseDuration(dur);
    if (durationS == null) bad('duration_s', '应为秒数，或 分:秒、时:分:秒、X分Y秒 / expected seconds, or m:ss, h:mm:ss, X分Y秒');
  }

  if (kind == null) kind = callStatus != null || durationS != null ? 'call' : 'sms';
  if (direction == null) direction = callStatus === 'outgoing' ? 'out' : callStatus != null ? 'in' : 'unknown';

  const number = phoneCell(cell('number'), () => bad('number', '应为电话号码 / expected a phone number'));
  const contactNumber = phoneCell(cell('contact_number'), () => bad('contact_number', '应为电话号码 / expected a phone number'));

  let recipient: Recipient | undefined;
  const r = cell('recipient');
  if (r !== '') {
    const v = RECIPIENT_WORDS[r.toLowerCase()];
    if (!v) bad('recipient', '应为 debtor（本人）、third_party（第三方）或 unknown / expected debtor, third_party or unknown');
    recipient = v;
  }

  const text = cell('text') || null;
  const name = cell('contact_name') || null;
  const event: NewEvent = {
    kind,
    direction,
    at: at!,
    tz,
    number,
    counterpartName: name,
    text,
    durationS,
    callStatus: kind === 'call' ? callStatus : null,
    position,
    dedupeKey: stableKey(['csv', kind, direction, number ?? '', at, text ?? '', durationS, callStatus, contactNumber ?? '']),
  };
  if (recipient) event.recipient = recipient;
  if (contactNumber != null) event.contactNumber = contactNumber;
  return event;
}

/** null for an empty cell or one without digits ("未知", "-"); error for digits that are not a number. */
function phoneCell(v: string, onBad: () => never): string | null {
  if (v === '' || !/[0-9０-９]/.test(v)) return null;
  const n = normalizePhone(v);
  if (n == null) onBad();
  return n;
}

const AT_EXPECTED =
  '应为 ISO 8601（2024-06-12T07:42:13+08:00）、本地时间 2024-06-12 07:42[:13] 或毫秒时间戳 / expected ISO 8601 with offset, local "YYYY-MM-DD HH:MM[:SS]", or epoch milliseconds';

/**
 * Event time: ISO 8601 with offset or Z; "YYYY-MM-DD[ HH:MM[:SS]]" (also / or . separators, or
 * 2024年6月12日 07:42:13) as local time in tz; epoch milliseconds (11–14 digits) or seconds (9–10 digits).
 */
export function parseAt(s: string, tz: string): number | null {
  const t = s.trim();
  if (/^\d{11,14}$/.test(t)) return Number(t);
  if (/^\d{9,10}$/.test(t)) return Number(t) * 1000;
  const zh = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})[:：时点](\d{1,2})(?:[:：分](\d{1,2})秒?)?分?)?$/.exec(t);
  if (zh) {
    const [, y, mo, d, h, mi, se] = zh;
    const p2 = (x: string | undefined) => (x ?? '0').padStart(2, '0');
    const iso = `${y}-${p2(mo)}-${p2(d)}` + (h != null ? ` ${p2(h)}:${p2(mi)}:${p2(se)}` : '');
    return parseDateTime(iso, tz);
  }
  return parseDateTime(t, tz);
}

/** Seconds from "83", "1:23", "0:01:23", "1分23秒", "83秒", "1小时2分3秒". */
export function parseDuration(s: string): number | null {
  const t = s.trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (/^\d+(?:\.\d+)?$/.test(t)) return Math.round(Number(t));
  let m = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(t);
  if (m) {
    const sec = Number(m[3]);
    if (sec > 59) return null;
    return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + sec;
  }
  m = /^(?:(\d+)\s*(?:小时|时))?\s*(?:(\d+)\s*分(?:钟)?)?\s*(?:(\d+)\s*秒)?$/.exec(t);
  if (m && (m[1] || m[2] || m[3])) return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  return null;
}
