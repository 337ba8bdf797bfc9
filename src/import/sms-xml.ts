/**
 * "SMS Backup & Restore" (SyncTech) messages backup: `<smses>` with `<sms …/>` and `<mms>…</mms>` children.
 *
 * Each `<sms>` becomes one `sms` event. Each `<mms>` becomes one `sms` event (meta.mms = true) whose text is
 * its text/plain parts joined with "\n", followed by one `attachment` record per media part that carries
 * data (eventKey = the event's dedupeKey). SMIL parts are ignored.
 *
 * Dedupe keys (hex sha256 of the JSON array):
 *   sms: ["sms", address, date, type, body]
 *   mms: ["mms", address, date, msg_box, text]
 * where address is the normalised counterpart number (normalizePhone), or the raw address attribute when it
 * is not a phone number (alphanumeric sender), or ""; date is epoch ms; body/text "" when absent.
 */
import type { Direction, NewEvent } from '../domain/collection/types.js';
import iconv from 'iconv-lite';
import { hash } from 'node:crypto';
import { stableKey } from './stream.js';
import { ImportFormatError, type ImportInput, type ImportRecord, type ParseOptions } from './types.js';
import { contactName, epochAttr, intAttr, parseXmlStream, phoneNormaliser, strAttr, type Position, type XmlContext, type XmlHandler, type XmlTag } from './xml.js';

/** `type` of an `<sms>`: the Android Telephony message box. */
export const SMS_BOX: Record<number, { box: string; direction: Direction }> = {
  1: { box: 'inbox', direction: 'in' },
  2: { box: 'sent', direction: 'out' },
  3: { box: 'draft', direction: 'out' },
  4: { box: 'outbox', direction: 'out' },
  5: { box: 'failed', direction: 'out' },
  6: { box: 'queued', direction: 'out' },
};

/** `msg_box` of an `<mms>`. */
export const MMS_BOX: Record<number, { box: string; direction: Direction }> = {
  1: { box: 'inbox', direction: 'in' },
  2: { box: 'sent', direction: 'out' },
  3: { box: 'draft', direction: 'out' },
  4: { box: 'outbox', direction: 'out' },
  5: { box: 'failed', direction: 'out' },
};

/** `type` of an MMS `<addr>` (PDU header field). */
const ADDR_TYPE: Record<number, string> = { 137: 'from', 151: 'to', 130: 'cc', 129: 'bcc' };

/** IANA MIBenum charsets MMS text parts use (`chset`). */
const MIB_CHARSET: Record<string, string> = {
  '106': 'utf-8',
  '3': 'ascii',
  '4': 'latin1',
  '1000': 'utf-16be',
  '1013': 'utf-16be',
  '1014': 'utf-16le',
  '1015': 'utf-16',
  '113': 'gbk',
  '114': 'gb18030',
  '2025': 'gb2312',
  '2026': 'big5',
};

export function parseSmsXml(input: ImportInput, opts: ParseOptions): AsyncGenerator<ImportRecord> {
  return parseXmlStream(input, opts, 'smses', { zh: '短信备份', en: 'an SMS backup' }, (ctx) => new SmsHandler(ctx));
}

interface PendingMms {
  attrs: Record<string, string>;
  parts: Array<Record<string, string>>;
  addrs: Array<Record<string, string>>;
  at: Position;
}

class SmsHandler implements XmlHandler {
  private mms: PendingMms | null = null;
  private readonly normalizePhone = phoneNormaliser();
  constructor(private readonly ctx: XmlContext) {}

  open(tag: XmlTag, depth: number): void {
    if (depth === 1) {
      if (tag.name === 'sms') this.sms(tag.attributes);
      else if (tag.name === 'mms') this.mms = { attrs: tag.attributes, parts: [], addrs: [], at: this.ctx.position() };
      return;
    }
    if (this.mms) {
      if (tag.name === 'part') this.mms.parts.push(tag.attributes);
      else if (tag.name === 'addr') this.mms.addrs.push(tag.attributes);
    }
  }

  close(name: string, depth: number): void {
    if (depth === 1 && name === 'mms' && this.mms) {
      const m = this.mms;
      this.mms = null;
      this.emitMms(m);
    }
  }

  private date(a: Record<string, string>, element: string, start?: Position): number {
    const d = epochAttr(a.date);
    if (d == null) {
      const at = start ?? this.ctx.position();
      throw new ImportFormatError(
        `<${element}> 缺少有效的 date 属性（毫秒时间戳）/ <${element}> lacks a valid date attribute (epoch milliseconds)`,
        this.ctx.file,
        at.line,
        at.column,
      );
    }
    return d;
  }

  private sms(a: Record<string, string>): void {
    const date = this.date(a, 'sms');
    const type = intAttr(a.type);
    const box = type != null ? SMS_BOX[type] : undefined;
    const rawAddress = strAttr(a.address)?.trim() || null;
    const number = this.normalizePhone(rawAddress);
    const body = a.body ?? null;
    const meta: Record<string, unknown> = { smsType: type, box: box?.box ?? 'unknown' };
    if (rawAddress && number == null) meta.rawAddress = rawAddress;
    putInt(meta, 'protocol', a.protocol);
    putStr(meta, 'subject', a.subject);
    putInt(meta, 'toa', a.toa);
    putInt(meta, 'scToa', a.sc_toa);
    putStr(meta, 'serviceCenter', a.service_center);
    putInt(meta, 'read', a.read);
    putInt(meta, 'status', a.status);
    putInt(meta, 'locked', a.locked);
    const dateSent = epochAttr(a.date_sent);
    if (dateSent) meta.dateSent = dateSent;
    putInt(meta, 'subId', a.sub_id);
    putStr(meta, 'readableDate', a.readable_date);
    const event: NewEvent = {
      kind: 'sms',
      direction: box?.direction ?? 'unknown',
      at: date,
      tz: this.ctx.tz,
      number,
      counterpartName: contactName(a.contact_name),
      text: body,
      durationS: null,
      meta,
      position: this.ctx.count,
      dedupeKey: stableKey(['sms', number ?? rawAddress ?? '', date, type, body ?? '']),
    };
    this.ctx.count++;
    this.ctx.queue.push({ type: 'event', event });
  }

  private emitMms(m: PendingMms): void {
    const a = m.attrs;
    const date = this.date(a, 'mms', m.at);
    const msgBox = intAttr(a.msg_box);
    const box = msgBox != null ? MMS_BOX[msgBox] : undefined;
    const direction = box?.direction ?? 'unknown';

    const addrs = m.addrs
      .map((x) => {
        const t = intAttr(x.type);
        const raw = strAttr(x.address)?.trim() ?? '';
        return { raw, number: this.normalizePhone(raw), type: t != null ? (ADDR_TYPE[t] ?? t) : null };
      })
      .filter((x) => x.raw !== '' && x.raw !== 'insert-address-token');
    const pick = (types: string[]) => addrs.find((x) => types.includes(String(x.type)) && x.number != null);
    const rawAddress = strAttr(a.address)?.trim() || null;
    const fromAttr = (rawAddress ?? '')
      .split('~')
      .map((s) => this.normalizePhone(s))
      .find((n) => n != null);
    const counterpart =
      direction === 'in' ? pick(['from']) : direction === 'out' ? (pick(['to']) ?? pick(['cc', 'bcc'])) : pick(['from', 'to']);
    const number = counterpart?.number ?? fromAttr ?? null;

    const texts: string[] = [];
    const media: Array<{ mime: string; name: string | null; bytes: Buffer | null }> = [];
    for (const p of m.parts) {
      const ct = (strAttr(p.ct) ?? 'application/octet-stream').toLowerCase();
      if (ct === 'application/smil') continue;
      if (ct.startsWith('text/plain')) {
        const t = strAttr(p.text) ?? (p.data ? decodeText(p.data, p.chset) : null);
        if (t != null) texts.push(t);
        continue;
      }
      const data = strAttr(p.data);
      media.push({
        mime: ct,
        name: strAttr(p.name) ?? strAttr(p.cl) ?? strAttr(p.fn),
        bytes: data ? Buffer.from(data, 'base64') : null,
      });
    }
    const text = texts.length > 0 ? texts.join('\n') : null;
    const dedupeKey = stableKey(['mms', number ?? rawAddress ?? '', date, msgBox, text ?? '']);
    const parts = media.map((x) => ({
      mime: x.mime,
      name: x.name,
      size: x.bytes ? x.bytes.length : null,
      sha256: x.bytes ? hash('sha256', x.bytes, 'hex') : null,
    }));

    const meta: Record<string, unknown> = { mms: true, msgBox, box: box?.box ?? 'unknown' };
    if (rawAddress && number == null) meta.rawAddress = rawAddress;
    putStr(meta, 'subject', a.sub);
    putInt(meta, 'read', a.read);
    const dateSent = epochAttr(a.date_sent);
    if (dateSent) meta.dateSent = dateSent;
    putInt(meta, 'locked', a.locked);
    putInt(meta, 'subId', a.sub_id);
    putStr(meta, 'mId', a.m_id);
    putInt(meta, 'mType', a.m_type);
    putInt(meta, 'textOnly', a.text_only);
    putStr(meta, 'readableDate', a.readable_date);
    if (addrs.length > 0) meta.addrs = addrs.map((x) => ({ number: x.number ?? x.raw, type: x.type }));
    if (parts.length > 0) meta.parts = parts;

    const event: NewEvent = {
      kind: 'sms',
      direction,
      at: date,
      tz: this.ctx.tz,
      number,
      counterpartName: contactName(a.contact_name),
      text,
      durationS: null,
      meta,
      position: this.ctx.count,
      dedupeKey,
    };
    this.ctx.count++;
    this.ctx.queue.push({ type: 'event', event });
    media.forEach((x, i) => {
      const sha256 = parts[i]!.sha256;
      if (x.bytes && sha256) {
        this.ctx.queue.push({ type: 'attachment', attachment: { sha256, mime: x.mime, name: x.name, bytes: x.bytes, eventKey: dedupeKey } });
      }
    });
  }
}

function decodeText(base64: string, chset: string | undefined): string {
  const bytes = Buffer.from(base64, 'base64');
  const enc = (chset && MIB_CHARSET[chset]) || 'utf-8';
  return iconv.decode(bytes, enc);
}

function putInt(meta: Record<string, unknown>, key: string, v: string | undefined): void {
  const n = intAttr(v);
  if (n != null) meta[key] = n;
}

function putStr(meta: Record<string, unknown>, key: string, v: string | undefined): void {
  const s = strAttr(v);
  if (s != null) meta[key] = s;
}
