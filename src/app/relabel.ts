/**
 * Labels are derived data (issue 11 §4, §5). Each event names the classifier version that labelled it
 * (events.labelled_by, migration 0007). This module:
 *
 * - relabels a case whose events were labelled by another version (on start, or `huxun relabel`): every
 *   message event is classified again in ONE transaction (labels, spans and labelled_by together), with
 *   progress; then collectors are regrouped and the context pass runs (refreshDerived). Findings are
 *   computed from the events when asked for, so they follow. The evidence chain is untouched: no
 *   evidence payload holds labels (docs/evidence-format.md);
 * - the context pass and the stamping of rows labelled at insert are in label-context.ts.
 */
import { sql } from 'kysely';
import { classifierVersion } from '../domain/collection/classifier/index.js';
import type { AppContext } from './context.js';
import { refreshDerived } from './derived.js';
import { lastContextual, MESSAGE_KINDS } from './label-context.js';
import { labelStoredEvent } from './labels.js';

const PROGRESS_EVERY = 2000;

export interface RelabelProgress {
  done: number;
  total: number;
}

export interface RelabelResult {
  version: string;
  /** Events classified again. */
  events: number;
  /** Of them, events whose labels or spans changed. */
  changed: number;
  /** Labelled by context after regrouping (applyLabelContext). */
  contextual: number;
  collectors: number;
}

interface Row {
  id: number | string;
  kind: string;
  direction: string;
  text: string | null;
  recipient: string | null;
  labels: string;
  spans: string;
}

/** How many message events were labelled by another version than the running one (NULL counts: not stamped yet). */
export async function staleLabelCount(ctx: AppContext): Promise<number> {
  const v = classifierVersion();
  const r = await sql<{ n: number | string }>`select count(*) as n from events where case_id = ${ctx.caseId} and kind in (${sql.join([...MESSAGE_KINDS])}) and (labelled_by is null or labelled_by <> ${v})`.execute(ctx.store.db);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * Classifies the case's message events again (all of them with `force`, else those labelled by another
 * version), in one transaction; then regroups collectors and reads messages in context.
 */
export async function relabelCase(ctx: AppContext, opts: { force?: boolean; onProgress?: (p: RelabelProgress) => void } = {}): Promise<RelabelResult> {
  const version = classifierVersion();
  let events = 0;
  let changed = 0;
  await ctx.store.db.transaction().execute(async (trx) => {
    const stale = opts.force ? sql`` : sql` and (labelled_by is null or labelled_by <> ${version})`;
    const rows = (
      await sql<Row>`select id, kind, direction, text, recipient, labels, spans from events where case_id = ${ctx.caseId} and kind in (${sql.join([...MESSAGE_KINDS])})${stale} order by id`.execute(trx)
    ).rows;
    const total = rows.length;
    opts.onProgress?.({ done: 0, total });
    for (const r of rows) {
      const { labels, spans } = labelStoredEvent(r);
      const l = JSON.stringify(labels);
      const s = JSON.stringify(spans);
      if (l !== r.labels || s !== r.spans) {
        changed++;
        await sql`update events set labels = ${l}, spans = ${s}, labelled_by = ${version} where case_id = ${ctx.caseId} and id = ${r.id}`.execute(trx);
      } else await sql`update events set labelled_by = ${version} where case_id = ${ctx.caseId} and id = ${r.id}`.execute(trx);
      events++;
      if (events % PROGRESS_EVERY === 0) opts.onProgress?.({ done: events, total });
    }
    if (total % PROGRESS_EVERY !== 0) opts.onProgress?.({ done: events, total });
  });
  const derived = await refreshDerived(ctx);
  return { version, events, changed, contextual: lastContextual(), collectors: derived.collectors };
}

/** Relabels when any message event was labelled by another version; null when nothing was stale. */
export async function relabelIfStale(ctx: AppContext, onProgress?: (p: RelabelProgress) => void): Promise<RelabelResult | null> {
  if ((await staleLabelCount(ctx)) === 0) return null;
  return relabelCase(ctx, { onProgress });
}

