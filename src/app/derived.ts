/**
 * What the app derives after every change to the timeline: events linked to contacts, third-party
 * reports found in contacts' messages, and collectors regrouped with their lender from the registry
 * (src/law/lenders*.ts) and what they claim to be (an authority in a signature labels the message
 * impersonation, so cn.impersonation cites it). Numbers the person marked "not a collector" stay out.
 */
import { sql } from 'kysely';
import { detectThirdPartyReport, groupCollectors, isLenderLikeName, signatureClaims, type GroupingEvent } from '../domain/collection/collectors.js';
import { normalizePhone } from '../domain/collection/phone.js';
import type { Label, NewEvent } from '../domain/collection/types.js';
import { localDate } from '../domain/time.js';
import * as repo from '../store/repo.js';
import type { AppContext } from './context.js';
import { EvidenceWriter } from './evidence.js';
import { eventPayload } from './event-payload.js';
import { identifyLender, lenderByServiceNumber, registryNamesIn } from './lender-identity.js';
import { applyLabelContext } from './label-context.js';
import { refreshFindingsLater } from './findings.js';

const PHONE_IN_TEXT = /(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|0\d{2,3}-?\d{7,8}|95\d{3,6}|400-?\d{3}-?\d{4}/;

/**
 * Tells the findings' stamp (src/app/case-stamp.ts) that the case's derived data changed (labels, links, collectors:
 * changes that write no evidence record), and has its findings made again where a server keeps them.
 */
export async function caseChanged(ctx: AppContext): Promise<void> {
  await repo.bumpCaseRevision(ctx.store.db, ctx.caseId);
  refreshFindingsLater(ctx);
}

export async function refreshDerived(ctx: AppContext): Promise<{ collectors: number; contactsTouched: number; reportsAdded: number }> {
  const db = ctx.store.db;
  const contacts = await repo.listContacts(db, ctx.caseId);
  const contactNumbers = new Set(contacts.flatMap((c) => c.numbers));
  // The borrower's own people: phone-book entries that are not lenders or collectors saved by name.
  const personalNumbers = new Set(contacts.filter((c) => !isLenderLikeName(c.name)).flatMap((c) => c.numbers));
  let reportsAdded = 0;

  await db.transaction().execute(async (trx) => {
    // The chain lock before the links are written (evidence.ts, begin): writers of the case queue here.
    const evidence = new EvidenceWriter(trx, ctx.caseId, ctx.store);
    await evidence.begin();
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
    .select(['id', 'kind', 'direction', 'at', 'number', 'text', 'labels', 'spans', 'call_status'])
    .where('case_id', '=', ctx.caseId)
    .where((eb) => eb.or([eb('kind', '=', 'call'), eb('labels', '!=', '[]')]))
    .where('kind', '!=', 'third_party_report')
    .execute();
  const events: (GroupingEvent & { id: number; spans: string })[] = rows.map((r) => ({
    id: Number(r.id), kind: r.kind, direction: r.direction, at: Number(r.at), number: r.number, text: r.text, labels: JSON.parse(r.labels) as Label[], spans: r.spans, callStatus: r.call_status,
  }));
  const loans = await repo.listLoans(db, ctx.caseId);
  const lenders = loans.map((l) => {
    const names = [l.lenderName, ...(l.productName ? [l.productName] : [])];
    const ids = names.map(identifyLender).filter((x) => x !== null);
    return { loanId: l.id, names, entityIds: ids.flatMap((x) => (x.entityId ? [x.entityId] : [])), brandIds: ids.flatMap((x) => (x.brandId ? [x.brandId] : [])) };
  });
  const notCollectors = new Set((await repo.listNumberMarks(db, ctx.caseId)).filter((m) => m.mark === 'not_collector').map((m) => m.number));
  const groups = groupCollectors(
    events,
    { contactNumbers: personalNumbers, lenders, tz: ctx.tz, identify: identifyLender, namesIn: registryNamesIn, serviceNumber: lenderByServiceNumber, notCollectors },
    (at) => localDate(at, ctx.tz),
  );
  await db.transaction().execute(async (trx) => {
    // The case's write lock (the evidence chain's, repo.lockCaseEvidence): the collectors are replaced whole, and two
    // refreshes of one case at once (two staff members, two servers) inserted the same numbers (a primary-key error).
    await repo.lockCaseEvidence(trx, ctx.store.engine, ctx.caseId);
    await repo.replaceAutoCollectors(trx, ctx.caseId, groups);
    await repo.linkCollectorNumbers(trx, ctx.caseId);
    // The person's own collectors keep their lender, but what they claim to be follows their messages.
    const claimsOf = new Map(groups.flatMap((g) => g.numbers.map((n) => [n, g.claims] as const)));
    for (const c of await repo.listCollectors(trx, ctx.caseId)) {
      if (!c.markedByUser) continue;
      const claims = [...new Set(c.numbers.flatMap((n) => claimsOf.get(n) ?? []))].sort();
      if (JSON.stringify(claims) !== JSON.stringify(c.claims ?? [])) await repo.setCollectorClaims(trx, ctx.caseId, c.id, claims);
    }
    // An authority named in a collector's signature is what it claims to be: the message is labelled impersonation
    // (with the signature as its span) when the classifier did not, so cn.impersonation cites it.
    const collectorNumbers = new Set(groups.flatMap((g) => g.numbers));
    for (const e of events) {
      if (!e.number || !collectorNumbers.has(e.number) || !e.text || !e.labels.includes('collection') || e.labels.includes('impersonation')) continue;
      const claims = signatureClaims(e.text);
      if (!claims.length) continue;
      const spans = JSON.parse(e.spans) as Record<string, [number, number][]>;
      spans['impersonation'] = claims.map((c) => c.span);
      await repo.setEventLinks(trx, ctx.caseId, e.id, { labels: JSON.stringify([...e.labels, 'impersonation']), spans: JSON.stringify(spans) });
    }
  });
  // Messages read with their context now that collectors are known (issue 11 §4; label-context.ts).
  await applyLabelContext(ctx);
  const collectors = await repo.listCollectors(db, ctx.caseId);
  const touched = await sql<{ n: number }>`select count(distinct contact_id) as n from events where case_id = ${ctx.caseId} and contact_id is not null and (kind = 'third_party_report' or recipient = 'third_party')`.execute(db);
  await caseChanged(ctx);
  return { collectors: collectors.length, contactsTouched: Number(touched.rows[0]?.n ?? 0), reportsAdded };
}
