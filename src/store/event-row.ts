/**
 * The column values of one events row, without the per-statement case_id and created_at. Kept free of
 * database imports so that an import worker thread can prepare rows without loading the store.
 */
import type { Label, NewEvent, Span } from '../domain/collection/types.js';

export interface EventRowInput {
  event: NewEvent;
  labels: Label[];
  spans: Partial<Record<Label, Span[]>>;
  importId: number | null;
  contactId?: number | null;
  collectorId?: number | null;
  loanId?: number | null;
}

/** Columns of EventRowValues, in order; an insert adds case_id before and created_at after. */
export const EVENT_ROW_COLS = [
  'kind', 'direction', 'at', 'tz', 'number', 'counterpart_name', 'contact_id', 'collector_id', 'loan_id', 'text', 'duration_s',
  'call_status', 'recipient', 'contact_number', 'labels', 'spans', 'meta', 'import_id', 'position', 'dedupe_key',
] as const;

export type EventRowValues = (string | number | null)[];

/** Index of each column in EventRowValues. */
export const EVENT_ROW = Object.fromEntries(EVENT_ROW_COLS.map((c, i) => [c, i])) as Record<(typeof EVENT_ROW_COLS)[number], number>;

export function eventRowValues(e: EventRowInput): EventRowValues {
  const ev = e.event;
  return [
    ev.kind,
    ev.direction,
    ev.at,
    ev.tz,
    ev.number,
    ev.counterpartName ?? null,
    e.contactId ?? null,
    e.collectorId ?? null,
    e.loanId ?? null,
    ev.text,
    ev.durationS,
    ev.callStatus ?? null,
    ev.recipient ?? null,
    ev.contactNumber ?? null,
    JSON.stringify(e.labels),
    JSON.stringify(e.spans),
    JSON.stringify(ev.meta ?? {}),
    e.importId,
    ev.position ?? null,
    ev.dedupeKey,
  ];
}
