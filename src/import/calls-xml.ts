/**
 * "SMS Backup & Restore" call-log backup: `<calls>` with `<call number duration date type presentation
 * contact_name readable_date subscription_id post_dial_digits subscription_component_name …/>` children.
 *
 * Dedupe key: hex sha256 of ["call", number, date, type, duration] where number is the normalised number
 * (or the raw attribute when it is not a phone number, "" when hidden), date epoch ms, duration seconds.
 */
import type { CallStatus, Direction, NewEvent } from '../domain/collection/types.js';
import { stableKey } from './stream.js';
import { ImportFormatError, type ImportInput, type ImportRecord, type ParseOptions } from './types.js';
import { contactName, epochAttr, intAttr, parseXmlStream, phoneNormaliser, strAttr, type XmlContext, type XmlHandler, type XmlTag } from './xml.js';

/** Android CallLog.Calls.TYPE. */
export const CALL_TYPE: Record<number, { status: CallStatus; direction: Direction }> = {
  1: { status: 'answered', direction: 'in' },
  2: { status: 'outgoing', direction: 'out' },
  3: { status: 'missed', direction: 'in' },
  4: { status: 'voicemail', direction: 'in' },
  5: { status: 'rejected', direction: 'in' },
  6: { status: 'blocked', direction: 'in' },
  7: { status: 'answered_elsewhere', direction: 'in' },
};

/** Android CallLog.Calls.NUMBER_PRESENTATION. */
export const PRESENTATION: Record<number, string> = { 1: 'allowed', 2: 'restricted', 3: 'unknown', 4: 'payphone' };

export function parseCallsXml(input: ImportInput, opts: ParseOptions): AsyncGenerator<ImportRecord> {
  return parseXmlStream(input, opts, 'calls', { zh: '通话记录备份', en: 'a call-log backup' }, (ctx) => new CallsHandler(ctx));
}

class CallsHandler implements XmlHandler {
  private readonly normalizePhone = phoneNormaliser();
  constructor(private readonly ctx: XmlContext) {}

  open(tag: XmlTag, depth: number): void {
    if (depth !== 1 || tag.name !== 'call') return;
    const a = tag.attributes;
    const date = epochAttr(a.date);
    if (date == null) {
      const at = this.ctx.position();
      throw new ImportFormatError(
        '<call> 缺少有效的 date 属性（毫秒时间戳）/ <call> lacks a valid date attribute (epoch milliseconds)',
        this.ctx.file,
        at.line,
        at.column,
      );
    }
    const type = intAttr(a.type);
    const kind = type != null ? CALL_TYPE[type] : undefined;
    const presentation = intAttr(a.presentation);
    const hidden = presentation === 2 || presentation === 3;
    const raw = strAttr(a.number)?.trim() || null;
    const number = hidden ? null : this.normalizePhone(raw);
    const duration = intAttr(a.duration);
    const durationS = duration != null && duration >= 0 ? duration : null;

    const meta: Record<string, unknown> = { callType: type };
    if (presentation != null) meta.presentation = PRESENTATION[presentation] ?? presentation;
    if (!hidden && raw && number == null && !/^-\d+$/.test(raw)) meta.rawNumber = raw;
    const sub = strAttr(a.subscription_id);
    if (sub != null) meta.subscriptionId = sub;
    const post = strAttr(a.post_dial_digits);
    if (post != null) meta.postDialDigits = post;
    const comp = strAttr(a.subscription_component_name);
    if (comp != null) meta.subscriptionComponent = comp;
    const rd = strAttr(a.readable_date);
    if (rd != null) meta.readableDate = rd;

    const keyNumber = number ?? (typeof meta.rawNumber === 'string' ? meta.rawNumber : '');
    const event: NewEvent = {
      kind: 'call',
      direction: kind?.direction ?? 'unknown',
      at: date,
      tz: this.ctx.tz,
      number,
      counterpartName: contactName(a.contact_name),
      text: null,
      durationS,
      callStatus: kind?.status ?? null,
      meta,
      position: this.ctx.count,
      dedupeKey: stableKey(['call', keyNumber, date, type, durationS]),
    };
    this.ctx.count++;
    this.ctx.queue.push({ type: 'event', event });
  }

  close(): void {}
}
