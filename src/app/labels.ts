/**
 * Labels of events: the classifier applied to the messages it is meant for. Kept out of the import's
 * parsing worker, which then need not load the classifier's rule tables.
 */
import { classify, type ClassifyOptions } from '../domain/collection/classifier/index.js';
import type { Label, NewEvent, Span } from '../domain/collection/types.js';
import { EVENT_ROW as COL, type EventRowValues } from '../store/event-row.js';

/**
 * Labels for an event's text: only messages the borrower received (or a contact received) can be collection.
 * `context`: the message comes from a collector or a thread with collection messages (label-context.ts).
 */
export function labelEvent(e: NewEvent, opts?: ClassifyOptions): { labels: Label[]; spans: Partial<Record<Label, Span[]>> } {
  if (!e.text || e.direction === 'out' || (e.kind !== 'sms' && e.kind !== 'im' && e.kind !== 'letter' && e.kind !== 'visit' && e.kind !== 'third_party_report')) {
    return { labels: [], spans: {} };
  }
  const to = e.recipient ?? (e.kind === 'third_party_report' ? 'third_party' : 'debtor');
  const c = classify(e.text, to, opts);
  return { labels: c.labels, spans: c.spans };
}

/** Labels for a stored event, from its columns as the events table holds them (relabel.ts, label-context.ts). */
export function labelStoredEvent(r: { kind: string; direction: string; text: string | null; recipient: string | null }, opts?: ClassifyOptions): ReturnType<typeof labelEvent> {
  return labelEvent({ kind: r.kind, direction: r.direction, text: r.text, recipient: (r.recipient ?? undefined) as NewEvent['recipient'] } as NewEvent, opts);
}

/** Classifies an event row in place (its labels and spans); true for a collection message. */
export function labelRow(row: EventRowValues): boolean {
  const { labels, spans } = labelEvent({
    kind: row[COL.kind] as NewEvent['kind'],
    direction: row[COL.direction] as NewEvent['direction'],
    text: row[COL.text] as string | null,
    recipient: (row[COL.recipient] ?? undefined) as NewEvent['recipient'],
  } as NewEvent);
  if (labels.length === 0) return false;
  row[COL.labels] = JSON.stringify(labels);
  row[COL.spans] = JSON.stringify(spans);
  return labels.includes('collection');
}
