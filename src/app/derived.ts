/**
 * What the app derives after every change to the timeline: events linked to contacts, third-party
 * reports found in contacts' messages, and collectors regrouped.
 */
import { sql } from 'kysely';
import { detectThirdPartyReport, groupCollectors, isLenderLikeName, type GroupingEvent } from '../domain/collection/collectors.js';
import { normalizePhone } from '../domain/collection/phone.js';
import type { Label, NewEvent } from '../domain/collection/types.js';
import { localDate } from '../domain/time.js';
import * as repo from '../store/repo.js';
import type { AppContext } from './context.js';
import { EvidenceWriter } from './evidence.js';
import { eventPayload } from './event-payload.js';

const PHONE_IN_TEXT = /(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|0\d{2,3}-?\d{7,8}|95\d{3,6}|400-?\d{3}-?\d{4}/;

export async function refreshDerived(ctx: AppContext): Promise<{ collectors: number; contactsTouched: number; reportsAdded: number }> {
  const db = ctx.store.db;
  const contacts = await repo.listContacts(db, ctx.caseId);
  const contactNumbers = new Set(contacts.flatMap((c) => c.numbers));
  // The borrower's own people: phone-book entries that are not lenders or collectors saved by name.
  const personalNumbers = new Set(contacts.filter((c) => !isLenderLikeName(c.name)).flatMap((c) => c.numbers));
  let reportsAdded = 0;

  await db.transaction().execute(async (trx) => {
    await repo.linkContactNumbers(trx, ctx.caseId);
    // Messages from contacts that say a collector reached them become third_party_report events.
    if (contactNumbers.size) {
      const rows = await trx
        .selectFrom('events')
        .selectAll()
        .where('case_id', '=', ctx.caseId)
        .where('kind', 'in', ['sms', 'im'])
        .where('direction', '=', 'in')
        .where('contact_id', 'is not', null)
        .execute();
      const evidence = new EvidenceWriter(trx, ctx.caseId, ctx.store);
      for (const r of rows) {
        const text = r.text ?? '';
        const span = detectThirdPartyReport(text);
        if (!span) continue;
        const mentioned = PHONE_IN_TEXT.exec(text);
        const ev: NewEvent = {
          kind: 'third_party_report',
          direction: 'in',
          at: Number(r.at),
          tz: r.tz,
          number: mentioned ? normalizePhone(mentioned[0]) : null,
          text,
          durationS: null,
          recipient: 'third_party',
          contactNumber: r.number,
          meta: { derivedFrom: Number(r.id) },
          dedupeKey: `tpr:${r.dedupe_key}`,
        };
        const labels: Label[] = ['collection', 'third_party'];
        const [id] = await repo.insertEvents(ctx.store, trx, ctx.caseId, [{ event: ev, labels, spans: { collection: [span], third_party: [span] }, importId: null, contactId: Number(r.contact_id) }], ctx.now());
        if (id != null) {
          reportsAdded++;
          await evidence.append('event', eventPayload(ev, id, null, null), ctx.now());
        }
      }
      await evidence.flush();
    }
  });

  // Collectors from the whole timeline.
  const rows = await db
    .selectFrom('events')
    .select(['kind', 'direction', 'at', 'number', 'text', 'labels', 'call_status'])
    .where('case_id', '=', ctx.caseId)
    .where((eb) => eb.or([eb('kind', '=', 'call'), eb('labels', '!=', '[]')]))
    .where('kind', '!=', 'third_party_report')
    .execute();
  const events: GroupingEvent[] = rows.map((r) => ({
    kind: r.kind, direction: r.direction, at: Number(r.at), number: r.number, text: r.text, labels: JSON.parse(r.labels) as Label[], callStatus: r.call_status,
  }));
  const loans = await repo.listLoans(db, ctx.caseId);
  const lenders = loans.map((l) => ({ loanId: l.id, names: [l.lenderName, ...(l.productName ? [l.productName] : [])] }));
  const groups = groupCollectors(events, { contactNumbers: personalNumbers, lenders, tz: ctx.tz }, (at) => localDate(at, ctx.tz));
  await db.transaction().execute(async (trx) => {
    await repo.replaceAutoCollectors(trx, ctx.caseId, groups.map((g) => ({ name: g.name, numbers: g.numbers, lenderName: g.lenderName, loanId: g.loanId })));
    await repo.linkCollectorNumbers(trx, ctx.caseId);
    // A third-party report names a collector when the number it mentions is one.
  });
  const collectors = await repo.listCollectors(db, ctx.caseId);
  const touched = await sql<{ n: number }>`select count(distinct contact_id) as n from events where case_id = ${ctx.caseId} and contact_id is not null and (kind = 'third_party_report' or recipient = 'third_party')`.execute(db);
  return { collectors: collectors.length, contactsTouched: Number(touched.rows[0]?.n ?? 0), reportsAdded };
}
