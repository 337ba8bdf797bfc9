/** Timeline queries and manual entries: events, collectors, contacts, third-party reports. */
import { sql } from 'kysely';
import { normalizePhone } from '../domain/collection/phone.js';
import { EVENT_KINDS, type Collector, type EventKind, type NewEvent, type TimelineEvent } from '../domain/collection/types.js';
import { parseDateTime, toIsoLocal } from '../domain/time.js';
import * as repo from '../store/repo.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { recordEvidence } from './evidence.js';
import { eventPayload } from './event-payload.js';
import { labelEvent } from './labels.js';
import { refreshDerived } from './derived.js';
import { registryFacts } from './lender-identity.js';
import type { EventView } from '../shared/api.js';
import type { CollectorLenderView, CollectorView, ContactView, NotCollectorView } from '../shared/views.js';

export type { EventView };

export interface EventQuery {
  from?: string;
  to?: string;
  kind?: string[];
  collector?: number;
  contact?: number;
  labelled?: boolean;
  limit?: number;
  offset?: number;
}

function parseBound(s: string | undefined, field: string, tz: string, endOfDay: boolean): number | undefined {
  if (s == null || s === '') return undefined;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(s);
  const t = parseDateTime(s, tz);
  if (t == null) throw new AppError('BAD_INPUT', `${field}: 无法识别的时间 expected YYYY-MM-DD or ISO 8601, got ${JSON.stringify(s)}`);
  // --to 2024-06-30 means through the end of that local day.
  return dateOnly && endOfDay ? parseDateTime(`${s}T00:00:00`, tz)! + 86400_000 : t;
}

export async function queryEvents(ctx: AppContext, q: EventQuery = {}): Promise<EventView[]> {
  for (const k of q.kind ?? []) {
    if (!EVENT_KINDS.includes(k as EventKind)) throw new AppError('BAD_INPUT', `kind: 未知类型 unknown kind ${JSON.stringify(k)}; expected one of ${EVENT_KINDS.join(', ')}`);
  }
  const events = await repo.listEvents(ctx.store.db, ctx.caseId, {
    from: parseBound(q.from, 'from', ctx.tz, false),
    to: parseBound(q.to, 'to', ctx.tz, true),
    kinds: q.kind,
    collectorId: q.collector,
    contactId: q.contact,
    labelled: q.labelled,
    limit: q.limit,
    offset: q.offset,
  });
  const { collectors, contacts } = await nameMaps(ctx);
  return events.map((e) => toView(e, collectors, contacts));
}

/** Collector and contact names by id, for event views. */
async function nameMaps(ctx: AppContext): Promise<{ collectors: Map<number, string>; contacts: Map<number, string> }> {
  const collectors = new Map((await repo.listCollectors(ctx.store.db, ctx.caseId)).map((c) => [c.id, c.name]));
  const contacts = new Map((await repo.listContacts(ctx.store.db, ctx.caseId)).map((c) => [c.id, c.name]));
  return { collectors, contacts };
}

/**
 * Stores one event entered by hand with its evidence record, then refreshes collectors and
 * contact links; a second entry of the same event is a conflict.
 */
async function recordManualEvent(ctx: AppContext, row: repo.EventRowInput, conflict: string): Promise<EventView> {
  const id = await ctx.store.db.transaction().execute(async (trx) => {
    const [id] = await repo.insertEvents(ctx.store, trx, ctx.caseId, [row], ctx.now());
    if (id == null) throw new AppError('CONFLICT', conflict);
    await recordEvidence(ctx, trx, 'event', eventPayload(row.event, id, null, null));
    return id;
  });
  await refreshDerived(ctx);
  const e = await repo.getEvent(ctx.store.db, ctx.caseId, id);
  const { collectors, contacts } = await nameMaps(ctx);
  return toView(e!, collectors, contacts);
}

export function toView(e: TimelineEvent, collectors: Map<number, string>, contacts: Map<number, string>): EventView {
  return {
    id: e.id,
    kind: e.kind,
    direction: e.direction,
    at: toIsoLocal(e.at, e.tz),
    at_ms: e.at,
    number: e.number,
    text: e.text,
    duration_s: e.durationS,
    call_status: e.callStatus ?? null,
    recipient: e.recipient ?? null,
    labels: e.labels,
    spans: e.spans as Record<string, [number, number][]>,
    collector: e.collectorId,
    collector_name: e.collectorId != null ? collectors.get(e.collectorId) ?? null : null,
    contact: e.contactId,
    contact_name: e.contactId != null ? contacts.get(e.contactId) ?? null : null,
    contact_number: e.contactNumber ?? null,
    ...(e.meta?.source === 'ocr' ? { ocr: ocrView(e.meta) } : {}),
  };
}

/** The screenshot an OCR event was read from and the box of its text (meta written by src/import/ocr/layout.ts). */
function ocrView(m: Record<string, unknown>): NonNullable<EventView['ocr']> {
  return {
    screenshot: typeof m.screenshot === 'string' ? m.screenshot : null,
    box: Array.isArray(m.box) ? (m.box as number[]) : null,
    box_w: typeof m.box_w === 'number' ? m.box_w : null,
    confidence: typeof m.confidence === 'number' ? m.confidence : null,
    review: Array.isArray(m.review) ? (m.review as string[]) : [],
    ocr_text: typeof m.ocr_text === 'string' ? m.ocr_text : null,
    corrected: m.corrected != null,
  };
}

/** What the registry says about a collector's lender, as views show it (null fields: not known). */
export function collectorLender(c: Collector): CollectorLenderView {
  const { entity, brand } = registryFacts(c.lenderEntityId, c.lenderBrandId);
  return {
    lender: c.lenderName,
    lender_entity: entity?.name ?? null,
    lender_entity_id: entity?.id ?? null,
    lender_brand: brand?.name ?? null,
    lender_brand_id: brand?.id ?? null,
    lender_type: entity?.type ?? null,
    lender_regulator: entity?.regulator.value ?? null,
    lender_province: entity?.province.value ?? null,
    /** signature | brand | service_number | loan | user, or null when unknown. */
    lender_source: c.lenderSource ?? null,
    /** A brand that lends through several entities: the loan contract names the lender. */
    multi_lender: Boolean(brand?.multiLender && !entity),
    claims: c.claims ?? [],
    /** No loan of the case is linked: the person is asked to pick the loan it belongs to. */
    needs_loan: c.loanId == null,
  };
}

export async function listCollectorsView(ctx: AppContext): Promise<CollectorView[]> {
  const cols = await repo.listCollectors(ctx.store.db, ctx.caseId);
  const counts = await sql<{ collector_id: number; calls: number; messages: number; first: number; last: number; labelled: number }>`
    select collector_id,
      sum(case when kind = 'call' then 1 else 0 end) as calls,
      sum(case when kind <> 'call' then 1 else 0 end) as messages,
      min(at) as first, max(at) as last,
      sum(case when labels <> '[]' then 1 else 0 end) as labelled
    from events where case_id = ${ctx.caseId} and collector_id is not null group by collector_id`.execute(ctx.store.db);
  const byId = new Map(counts.rows.map((r) => [Number(r.collector_id), r]));
  return cols.map((c) => {
    const r = byId.get(c.id);
    return {
      id: c.id,
      name: c.name,
      numbers: c.numbers,
      ...collectorLender(c),
      loan_id: c.loanId,
      marked_by_user: c.markedByUser,
      calls: Number(r?.calls ?? 0),
      messages: Number(r?.messages ?? 0),
      first_contact: r?.first != null ? toIsoLocal(Number(r.first), ctx.tz) : null,
      last_contact: r?.last != null ? toIsoLocal(Number(r.last), ctx.tz) : null,
    };
  });
}

export async function listContactsView(ctx: AppContext, onlyTouched = false): Promise<ContactView[]> {
  const contacts = await repo.listContacts(ctx.store.db, ctx.caseId);
  const rows = await sql<{ contact_id: number; id: number; kind: string; at: number; recipient: string | null }>`
    select contact_id, id, kind, at, recipient from events
    where case_id = ${ctx.caseId} and contact_id is not null and (kind = 'third_party_report' or recipient = 'third_party')
    order by at`.execute(ctx.store.db);
  const touched = new Map<number, number[]>();
  for (const r of rows.rows) touched.set(Number(r.contact_id), [...(touched.get(Number(r.contact_id)) ?? []), Number(r.id)]);
  return contacts
    .map((c) => ({
      id: c.id,
      name: c.name,
      numbers: c.numbers,
      relation: c.relation ?? null,
      is_guarantor: Boolean(c.isGuarantor),
      touched: touched.has(c.id),
      events: touched.get(c.id) ?? [],
    }))
    .filter((c) => !onlyTouched || c.touched)
    .sort((a, b) => Number(b.touched) - Number(a.touched) || b.events.length - a.events.length || a.id - b.id);
}

export interface ReportContactInput {
  /** Contact name or number. */
  contact: string;
  /** The collector's number as the contact saw it, if known. */
  number?: string | null;
  at: string;
  text?: string | null;
  kind?: 'call' | 'sms' | 'im' | 'visit';
  relation?: string | null;
  guarantor?: boolean;
}

/** Records what a contact told the borrower: "a collector called me". */
export async function reportContact(ctx: AppContext, input: ReportContactInput): Promise<EventView> {
  if (!input.contact?.trim()) throw new AppError('BAD_INPUT', 'contact: 请填写亲友的姓名或号码 name or number of the contact is required');
  const at = parseDateTime(input.at ?? '', ctx.tz);
  if (at == null) throw new AppError('BAD_INPUT', `at: 无法识别的时间 expected YYYY-MM-DD HH:MM or ISO 8601, got ${JSON.stringify(input.at)}`);
  const asNumber = normalizePhone(input.contact);
  let contact = asNumber ? await repo.findContactByNumber(ctx.store.db, ctx.caseId, asNumber) : null;
  if (!contact) contact = (await repo.listContacts(ctx.store.db, ctx.caseId)).find((c) => c.name === input.contact.trim()) ?? null;
  let contactId: number;
  let contactNumber: string | null;
  if (contact) {
    contactId = contact.id;
    contactNumber = asNumber ?? contact.numbers[0] ?? null;
  } else {
    const r = await repo.upsertContact(ctx.store.db, ctx.caseId, {
      name: asNumber ? input.contact.trim() : input.contact.trim(),
      numbers: asNumber ? [asNumber] : [],
      relation: input.relation ?? null,
      isGuarantor: input.guarantor ?? false,
      dedupeKey: `manual:${asNumber ?? input.contact.trim()}`,
    });
    contactId = r.id;
    contactNumber = asNumber;
  }
  if (input.relation != null || input.guarantor != null) {
    await repo.updateContact(ctx.store.db, ctx.caseId, contactId, {
      ...(input.relation != null ? { relation: input.relation } : {}),
      ...(input.guarantor != null ? { is_guarantor: input.guarantor ? 1 : 0 } : {}),
    });
  }
  const collectorNumber = input.number ? normalizePhone(input.number) : null;
  if (input.number && !collectorNumber) throw new AppError('BAD_INPUT', `number: 无法识别的号码 not a phone number: ${JSON.stringify(input.number)}`);
  const ev: NewEvent = {
    kind: 'third_party_report',
    direction: 'in',
    at,
    tz: ctx.tz,
    number: collectorNumber,
    text: input.text?.trim() || null,
    durationS: null,
    recipient: 'third_party',
    contactNumber,
    meta: { reportedKind: input.kind ?? 'call' },
    dedupeKey: `report:${contactId}:${at}:${collectorNumber ?? ''}:${input.text ?? ''}`,
  };
  const labelled = labelEvent(ev);
  const labels = [...new Set(['collection', 'third_party', ...labelled.labels])] as typeof labelled.labels;
  return recordManualEvent(ctx, { event: ev, labels, spans: labelled.spans, importId: null, contactId }, '这条记录已经存在 this report is already recorded');
}

/** A manual event (a visit, a letter, a call the phone did not record). */
export async function addManualEvent(ctx: AppContext, input: { kind: EventKind; at: string; number?: string | null; text?: string | null; direction?: 'in' | 'out'; duration_s?: number | null }): Promise<EventView> {
  if (!EVENT_KINDS.includes(input.kind)) throw new AppError('BAD_INPUT', `kind: expected one of ${EVENT_KINDS.join(', ')}`);
  const at = parseDateTime(input.at ?? '', ctx.tz);
  if (at == null) throw new AppError('BAD_INPUT', `at: 无法识别的时间 expected YYYY-MM-DD HH:MM or ISO 8601, got ${JSON.stringify(input.at)}`);
  const number = input.number ? normalizePhone(input.number) : null;
  const ev: NewEvent = {
    kind: input.kind, direction: input.direction ?? 'in', at, tz: ctx.tz, number, text: input.text?.trim() || null,
    durationS: input.duration_s ?? null, callStatus: input.kind === 'call' ? 'answered' : null, dedupeKey: `manual:${input.kind}:${at}:${number ?? ''}:${input.text ?? ''}`,
  };
  return recordManualEvent(ctx, { event: ev, ...labelEvent(ev), importId: null }, '这条记录已经存在 this event is already recorded');
}

function normNumbers(numbers: string[]): string[] {
  const norm = numbers.map((n) => {
    const v = normalizePhone(n);
    if (!v) throw new AppError('BAD_INPUT', `number: 无法识别的号码 not a phone number: ${JSON.stringify(n)}`);
    return v;
  });
  if (!norm.length) throw new AppError('BAD_INPUT', 'numbers: 至少需要一个号码 at least one number is required');
  return [...new Set(norm)];
}

async function loanOf(ctx: AppContext, loanId: number) {
  const loan = (await repo.listLoans(ctx.store.db, ctx.caseId)).find((l) => l.id === loanId);
  if (!loan) throw new AppError('NOT_FOUND', `借款 #${loanId} 不存在 loan ${loanId} not found`);
  return loan;
}

/**
 * The person marks numbers as one collector (optionally of a loan of the case, or naming its lender). The choice is an
 * evidence record and wins over grouping; a "not a collector" mark on these numbers is lifted.
 */
export async function markCollector(ctx: AppContext, name: string, numbers: string[], lender: string | null, loanId: number | null = null) {
  const norm = normNumbers(numbers);
  const loan = loanId != null ? await loanOf(ctx, loanId) : null;
  const lenderName = loan?.lenderName ?? (lender?.trim() || null);
  const id = await ctx.store.db.transaction().execute(async (trx) => {
    const id = await repo.markCollector(trx, ctx.caseId, name || `催收方 ${norm[0]}`, norm, lenderName, { loanId: loan?.id ?? null, lenderSource: lenderName ? 'user' : null });
    await recordEvidence(ctx, trx, 'collector', { action: 'mark', collector: id, numbers: norm, name: name || null, lender: lenderName, loan_id: loan?.id ?? null });
    return id;
  });
  await refreshDerived(ctx);
  return id;
}

/** The person marks numbers "not a collector" (a bank's codes, a friend, an advert): never grouped again. */
export async function unmarkCollector(ctx: AppContext, numbers: string[]): Promise<{ numbers: string[] }> {
  const norm = normNumbers(numbers);
  await ctx.store.db.transaction().execute(async (trx) => {
    await repo.markNotCollector(trx, ctx.caseId, norm, ctx.now());
    await recordEvidence(ctx, trx, 'collector', { action: 'not_collector', numbers: norm });
  });
  await refreshDerived(ctx);
  return { numbers: norm };
}

/** Numbers the person marked "not a collector". */
export async function listNotCollectors(ctx: AppContext): Promise<NotCollectorView[]> {
  return (await repo.listNumberMarks(ctx.store.db, ctx.caseId)).filter((m) => m.mark === 'not_collector').map((m) => ({ number: m.number, at: toIsoLocal(m.decidedAt, ctx.tz) }));
}

/**
 * The person picks the loan a collector belongs to (null: unknown again). The choice wins over what grouping found,
 * is kept across regrouping, and is an evidence record.
 */
export async function setCollectorLoan(ctx: AppContext, collectorId: number, loanId: number | null): Promise<CollectorView> {
  const col = (await repo.listCollectors(ctx.store.db, ctx.caseId)).find((c) => c.id === collectorId);
  if (!col) throw new AppError('NOT_FOUND', `催收方 #${collectorId} 不存在 collector ${collectorId} not found`);
  const loan = loanId != null ? await loanOf(ctx, loanId) : null;
  await ctx.store.db.transaction().execute(async (trx) => {
    await repo.setCollectorLoan(trx, ctx.caseId, collectorId, loan?.id ?? null, loan?.lenderName ?? null);
    await recordEvidence(ctx, trx, 'collector', { action: 'choose_loan', collector: collectorId, numbers: col.numbers, loan_id: loan?.id ?? null, lender: loan?.lenderName ?? null });
  });
  await refreshDerived(ctx);
  const after = (await listCollectorsView(ctx)).find((c) => c.id === collectorId);
  if (!after) throw new AppError('NOT_FOUND', `催收方 #${collectorId} 不存在 collector ${collectorId} not found`);
  return after;
}
