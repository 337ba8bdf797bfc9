/**
 * Messages read with their context (issue 11 §4), run at the end of refreshDerived (after collectors are
 * grouped): a message from a number grouped as a collector, or from a number whose thread has collection
 * messages, that the context-free classifier left unlabelled is classified again with `context` (a threat
 * with no debt word from a collector is collection). `huxun classify` never does this. The same pass stamps
 * the rows labelled at insert (events.labelled_by NULL) with the running classifier version (relabel.ts).
 */
import { sql } from 'kysely';
import { classifierVersion } from '../domain/collection/classifier/index.js';
import type { Label } from '../domain/collection/types.js';
import type { AppContext } from './context.js';
import { labelStoredEvent } from './labels.js';

/** Kinds the classifier reads (labels.ts); third_party_report events are derived by refreshDerived, not classified. */
export const MESSAGE_KINDS = ['sms', 'im', 'letter', 'visit'] as const;

interface Row {
  id: number | string;
  kind: string;
  direction: string;
  text: string | null;
  recipient: string | null;
}

let contextual = 0;
/** How many messages the last context pass labelled. */
export function lastContextual(): number {
  return contextual;
}

/**
 * The context pass (end of refreshDerived): stamps rows labelled at insert, then classifies again, with
 * context, the unlabelled incoming messages from collectors' numbers and from numbers that sent collection
 * messages. Returns how many got labels that way.
 */
export async function applyLabelContext(ctx: AppContext): Promise<number> {
  const version = classifierVersion();
  let n = 0;
  await ctx.store.db.transaction().execute(async (trx) => {
    await sql`update events set labelled_by = ${version} where case_id = ${ctx.caseId} and labelled_by is null and kind in (${sql.join([...MESSAGE_KINDS])})`.execute(trx);
    const rows = (
      await sql<Row>`select e.id, e.kind, e.direction, e.text, e.recipient from events e
        where e.case_id = ${ctx.caseId} and e.kind in (${sql.join([...MESSAGE_KINDS])}) and e.direction <> 'out' and e.labels = '[]' and e.text is not null and e.number is not null
          and (e.number in (select number from collector_numbers where case_id = ${ctx.caseId})
            or e.number in (select number from events where case_id = ${ctx.caseId} and kind in ('sms', 'im') and labels like '%"collection"%'))
        order by e.id`.execute(trx)
    ).rows;
    for (const r of rows) {
      const c = labelStoredEvent(r, { context: true });
      if (!c.labels.includes('collection' as Label)) continue;
      n++;
      await sql`update events set labels = ${JSON.stringify(c.labels)}, spans = ${JSON.stringify(c.spans)} where case_id = ${ctx.caseId} and id = ${r.id}`.execute(trx);
    }
  });
  contextual = n;
  return n;
}
