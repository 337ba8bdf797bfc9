/**
 * The current view of a chain: what the records say after corrections and tombstones are applied.
 * The chain itself never changes; this is how the app and exports read it.
 */
import type { JsonValue } from './canonical.js';
import type { AttachmentPayload, CorrectionPayload, EvidenceRecord, TombstonePayload } from './chain.js';

export interface ViewEntry {
  record: EvidenceRecord;
  /** The payload after the latest correction (the record's own payload when uncorrected). */
  payload: JsonValue;
  /** Seqs of the corrections applied, oldest first. */
  correctedBy: number[];
  /** The tombstone that deleted it, if any. */
  removedBy: { seq: number; reason: string } | null;
}

/**
 * Redacted records (in a redacted export) are read the same way: masking changes only strings, never the seq
 * references or an attachment's sha256.
 * Entries for every record that is not itself a correction or tombstone, in chain order.
 * Deleted entries are included (removedBy set) so that a caller can show the history; use liveEntries for the rest.
 */
export function resolveView(records: readonly EvidenceRecord[]): ViewEntry[] {
  const bySeq = new Map<number, ViewEntry>();
  const out: ViewEntry[] = [];
  for (const r of records) {
    if (r.kind === 'correction') {
      const p = r.payload as unknown as CorrectionPayload;
      const t = bySeq.get(p.corrects);
      if (t && !t.removedBy) {
        t.payload = p.replacement;
        t.correctedBy.push(r.seq);
      }
    } else if (r.kind === 'tombstone') {
      const p = r.payload as unknown as TombstonePayload;
      const t = bySeq.get(p.removes);
      if (t && !t.removedBy) t.removedBy = { seq: r.seq, reason: p.reason };
    } else {
      const e: ViewEntry = { record: r, payload: r.payload, correctedBy: [], removedBy: null };
      bySeq.set(r.seq, e);
      out.push(e);
    }
  }
  return out;
}

export function liveEntries(records: readonly EvidenceRecord[]): ViewEntry[] {
  return resolveView(records).filter((e) => !e.removedBy);
}

/** Attachments still in the view (not deleted), with their current metadata, de-duplicated by sha256 (first wins). */
export function liveAttachments(records: readonly EvidenceRecord[]): { seq: number; meta: AttachmentPayload }[] {
  const seen = new Set<string>();
  const out: { seq: number; meta: AttachmentPayload }[] = [];
  for (const e of liveEntries(records)) {
    if (e.record.kind !== 'attachment') continue;
    const meta = e.payload as unknown as AttachmentPayload;
    if (typeof meta?.sha256 !== 'string' || seen.has(meta.sha256)) continue;
    seen.add(meta.sha256);
    out.push({ seq: e.record.seq, meta });
  }
  return out;
}
