/**
 * Writes the evidence chain: every event, contact, attachment and loan change becomes a record
 * in the same transaction as the row it proves.
 */
import { appendCanonical, appendRecord, verifyChain, type EvidenceRecord } from '../domain/evidence/chain.js';
import { canonicalize } from '../domain/evidence/canonical.js';
import type { Q } from '../store/repo.js';
import type { Store } from '../store/db.js';
import * as repo from '../store/repo.js';
import type { AppContext } from './context.js';
import type { ChainStatus } from '../shared/views.js';

export function rowToRecord(r: repo.EvidenceRow): EvidenceRecord {
  return { seq: r.seq, kind: r.kind, at_received: r.receivedAt, payload: JSON.parse(r.payload), prev_hash: r.prevHash, hash: r.hash };
}

/** Buffers records for one transaction and writes them in batches. */
export class EvidenceWriter {
  private prev: { seq: number; hash: string } | null = null;
  private pending: repo.EvidenceRow[] = [];
  private loaded = false;

  constructor(
    private readonly db: Q,
    private readonly caseId: number,
    private readonly store: Store,
  ) {}

  /**
   * Takes the case's chain lock and reads the last record now. A transaction that writes other rows of the case
   * (events, links) besides records calls this first: every writer of the case then waits at its start, never
   * while holding rows another writer needs (which on PostgreSQL would be a deadlock, one of them aborted).
   */
  async begin(): Promise<void> {
    await this.load();
  }

  private async load() {
    if (this.loaded) return;
    // The case's chain lock first (PostgreSQL), held to commit: no other writer reads the same last record.
    await repo.lockCaseEvidence(this.db, this.store.engine, this.caseId);
    const last = await repo.lastEvidence(this.db, this.caseId);
    this.prev = last ? { seq: last.seq, hash: last.hash } : null;
    this.loaded = true;
  }

  async append(kind: string, payload: unknown, receivedAt: number): Promise<{ seq: number; hash: string }> {
    await this.load();
    if (kind === 'attachment' || kind === 'correction' || kind === 'tombstone') {
      // appendRecord reads only seq and hash of the previous record.
      const rec = appendRecord(this.prev as unknown as EvidenceRecord | null, kind, payload as never, receivedAt) as EvidenceRecord;
      this.prev = { seq: rec.seq, hash: rec.hash };
      this.pending.push({ seq: rec.seq, kind: rec.kind, receivedAt: rec.at_received, payload: canonicalize(rec.payload), prevHash: rec.prev_hash, hash: rec.hash });
    } else {
      return this.appendCanonical(kind, canonicalize(payload), receivedAt);
    }
    if (this.pending.length >= 1000) await this.flush();
    return this.prev!;
  }

  /** A record whose payload the caller has already canonicalized (see eventPayloadParts). */
  async appendCanonical(kind: string, payloadText: string, receivedAt: number): Promise<{ seq: number; hash: string }> {
    await this.appendCanonicalMany(kind, [payloadText], receivedAt);
    return this.prev!;
  }

  /** Records of one kind with canonical payloads, in order: an import batch, without a promise per record. */
  async appendCanonicalMany(kind: string, payloadTexts: readonly string[], receivedAt: number): Promise<void> {
    await this.load();
    for (const text of payloadTexts) {
      const rec = appendCanonical(this.prev, kind, text, receivedAt);
      this.prev = { seq: rec.seq, hash: rec.hash };
      this.pending.push({ seq: rec.seq, kind: rec.kind, receivedAt: rec.at_received, payload: rec.payloadText, prevHash: rec.prev_hash, hash: rec.hash });
    }
    // Written at once: rows kept for a later flush outlive young-generation collections, and an import
    // then grew the old generation by ~2 MB per scavenge.
    await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.pending.length) return;
    const rows = this.pending;
    this.pending = [];
    if (this.store.sqlite) repo.appendEvidenceRowsSqlite(this.store.sqlite, this.caseId, rows);
    else await repo.appendEvidenceRows(this.db, this.caseId, rows);
  }
}

export async function recordEvidence(ctx: AppContext, db: Q, kind: string, payload: unknown): Promise<{ seq: number; hash: string }> {
  const w = new EvidenceWriter(db, ctx.caseId, ctx.store);
  const rec = await w.append(kind, payload, ctx.now());
  await w.flush();
  return rec;
}

export type { ChainStatus } from '../shared/views.js';

/** Re-hashes the whole stored chain (streaming). */
export async function checkChain(ctx: AppContext): Promise<ChainStatus> {
  const records: EvidenceRecord[] = [];
  for await (const r of repo.iterateEvidence(ctx.store.db, ctx.caseId)) records.push(rowToRecord(r));
  if (!records.length) return { ok: true, count: 0, head: null };
  const res = verifyChain(records);
  if (res.ok) return { ok: true, count: records.length, head: records[records.length - 1]!.hash };
  return { ok: false, count: records.length, head: null, problem: { seq: res.seq ?? records[res.index]?.seq ?? null, reason: res.reason } };
}
