/**
 * What the evidence chain records for an event. Free of database imports: the import's parsing worker
 * lays out payloads without loading the store.
 */
import { canonicalString } from '../domain/evidence/canonical.js';

export function eventPayload(e: {
  kind: string; direction: string; at: number; tz: string; number: string | null; text: string | null; durationS: number | null;
  callStatus?: string | null; recipient?: string; contactNumber?: string | null; dedupeKey: string; position?: number;
}, eventId: number, importId: number | null, fileName: string | null) {
  return {
    event_id: eventId,
    kind: e.kind,
    direction: e.direction,
    at: e.at,
    tz: e.tz,
    number: e.number,
    text: e.text,
    duration_s: e.durationS,
    call_status: e.callStatus ?? null,
    recipient: e.recipient ?? null,
    contact_number: e.contactNumber ?? null,
    dedupe_key: e.dedupeKey,
    source: importId != null ? { import_id: importId, file: fileName, position: e.position ?? null } : { manual: true },
  };
}

type PayloadEvent = Parameters<typeof eventPayload>[0];

/**
 * canonicalize(eventPayload(e, eventId, importId, fileName)) split around the event id, which the database
 * assigns only after an import worker has laid out the record: head + id + tail is that text. Written out
 * by hand because an import canonicalizes one payload per event (the keys below are in canonical order).
 */
export function eventPayloadParts(e: PayloadEvent, importId: number | null, fileName: string | null): { head: string; tail: string } {
  const s = (v: string | null | undefined, path: string) => (v == null ? 'null' : canonicalString(v, path));
  const n = (v: number | null | undefined) => (v == null ? 'null' : Object.is(v, -0) ? '0' : finite(v));
  const source =
    importId != null
      ? `{"file":${s(fileName, 'source.file')},"import_id":${n(importId)},"position":${n(e.position)}}`
      : '{"manual":true}';
  const head =
    `{"at":${n(e.at)},"call_status":${s(e.callStatus, 'call_status')},"contact_number":${s(e.contactNumber, 'contact_number')}` +
    `,"dedupe_key":${s(e.dedupeKey, 'dedupe_key')},"direction":${s(e.direction, 'direction')},"duration_s":${n(e.durationS)},"event_id":`;
  const tail =
    `,"kind":${s(e.kind, 'kind')},"number":${s(e.number, 'number')},"recipient":${s(e.recipient, 'recipient')}` +
    `,"source":${source},"text":${s(e.text, 'text')},"tz":${s(e.tz, 'tz')}}`;
  return { head, tail };
}

function finite(v: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`event payload: number ${v} is not finite`);
  return String(v);
}
