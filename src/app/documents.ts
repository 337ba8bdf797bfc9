/**
 * Documents: assemble the case as documents need it (facts from the store, citations from src/law),
 * build the content model, and render it as HTML preview, PDF, DOCX or text sized for online forms.
 */
import { listUserLpr } from './lpr.js';
import type { Channel } from '../domain/law.js';
import {
  answersProblem, buildComplaintText, buildDocument, channelsForType, clampAnswers, DOCUMENT_TYPES, FORM_LIMITS, LENDER_CHANNELS, proposeChannels, proposeLenderComplaints,
  LETTER_CHANNELS, scopeLender, scopeUnknown, UNKNOWN_LENDER,
  type DocumentCase, type DocumentEvent, type DocumentLender, type DocumentPurpose, type Question, type DocumentRequest, type DocumentType, type FormLength, type LawCitation, type LawView,
} from '../domain/documents/index.js';
import { collectorActivity } from '../domain/report/index.js';
import type { Collector } from '../domain/collection/types.js';
import type { Loan } from '../domain/loans/types.js';
import { getLenderBrand, getLenderEntity, type LenderEntity } from '../law/lenders.js';
import { identifyLender } from './lender-identity.js';
import { localDate, toIsoLocal } from '../domain/time.js';
import { CHANNELS, formatCitation, getCitation, hasCitation, TIER_LABEL } from '../law/index.js';
import { renderDocx, renderPdf, renderText } from '../render/index.js';
import { renderHtml } from '../render/html.js';
import * as repo from '../store/repo.js';
import { checkChain } from './evidence.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { RULE_TITLES, runFindings } from './findings.js';
import { loanReport } from './loans.js';

/** src/law as the documents see it: unknown ids come back null and are never shown. */
export const LAW_VIEW: LawView = {
  citation(id: string): LawCitation | null {
    if (!hasCitation(id)) return null;
    const c = getCitation(id);
    return {
      id: c.id,
      title: { zh: formatCitation(c, 'zh'), en: formatCitation(c, 'en') },
      law: { zh: formatCitation({ ...c, article: null }, 'zh'), en: formatCitation({ ...c, article: null }, 'en') },
      article: c.article ? { zh: c.article, en: formatCitation(c, 'en').replace(/^.*?,\s*/, '') } : null,
      excerpt: c.excerpt,
      excerptIsSummary: c.excerptKind === 'summary',
      tier: c.tier,
      tierLabel: TIER_LABEL[c.tier],
      verified: c.verified,
    };
  },
  channel: (id: string): Channel | null => CHANNELS.find((c) => c.id === id) ?? null,
  channels: () => CHANNELS,
};

export interface DocumentInput {
  type: string;
  channel?: string | null;
  loan_id?: number | null;
  /** Complaint about one lender: a key of the case's lenders ('loan:3', 'entity:cfc.zhaolian', 'unknown'). */
  lender?: string | null;
  contact?: string | null;
  answers?: Record<string, string | number | boolean | null>;
  lang?: 'zh' | 'en';
  redact?: boolean;
  /**
   * 'draft' (default): the person's own copy, with the draft banner and the notes addressed to them; 'send': the version
   * the person sends, once they confirmed they checked the facts (no banner, no notes). The preview is always a draft.
   */
  for?: DocumentPurpose;
}

const ANSWERS_KEY = 'document_answers';

async function savedAnswers(ctx: AppContext): Promise<Record<string, string>> {
  const raw = await repo.getSetting(ctx.store.db, ctx.caseId, ANSWERS_KEY);
  try {
    // Clamped on read: an over-long answer saved by an older version must not slow every later document.
    return raw ? clampAnswers(JSON.parse(raw)) : {};
  } catch {
    return {};
  }
}

/** Answers are remembered so that a person never types the same fact twice. */
async function mergeAnswers(ctx: AppContext, given: DocumentInput['answers']): Promise<Record<string, string>> {
  const problem = answersProblem(given ?? {});
  if (problem) throw new AppError('BAD_INPUT', problem);
  const saved = await savedAnswers(ctx);
  const merged = { ...saved };
  for (const [k, v] of Object.entries(given ?? {})) {
    if (v == null || v === '') continue;
    merged[k] = String(v);
  }
  if (JSON.stringify(merged) !== JSON.stringify(saved)) await repo.setSetting(ctx.store.db, ctx.caseId, ANSWERS_KEY, JSON.stringify(merged));
  return merged;
}

function entityLender(e: LenderEntity, brand: string | null, key: string, loanIds: number[], collectorIds: number[], multi = false): DocumentLender {
  return {
    key, name: e.name, entity: e.name, brand, type: e.type, regulator: e.regulator.value, regulatorStatus: e.regulator.status,
    province: e.province.value.includes('未核实') ? null : e.province.value, channels: e.channels, multiLender: multi, loanIds, collectorIds,
  };
}

/**
 * The case's lenders for complaints: each loan (what the registry says of its lender, else its type), then the lenders
 * the registry names for collectors that no loan covers. A brand lending through several entities names none.
 */
export function caseLenders(loans: readonly Loan[], collectors: readonly Collector[]): DocumentLender[] {
  const out: DocumentLender[] = [];
  for (const l of loans) {
    const cols = collectors.filter((c) => c.loanId === l.id).map((c) => c.id);
    const id = identifyLender(l.lenderName) ?? (l.productName ? identifyLender(l.productName) : null);
    const brand = id?.brandId ? getLenderBrand(id.brandId).name : l.productName ?? null;
    if (id?.entityId) {
      const e = getLenderEntity(id.entityId);
      out.push(entityLender(e, brand && brand !== e.name ? brand : null, `loan:${l.id}`, [l.id], cols));
    } else {
      out.push({
        key: `loan:${l.id}`, name: l.lenderName, entity: null, brand: brand && brand !== l.lenderName ? brand : null, type: l.lenderType, regulator: null, province: null,
        channels: channelsForType(l.lenderType), multiLender: Boolean(id?.brandId && !id.entityId), loanIds: [l.id], collectorIds: cols,
      });
    }
  }
  const byKey = new Map<string, DocumentLender>();
  for (const c of collectors) {
    if (c.loanId != null || (!c.lenderEntityId && !c.lenderBrandId)) continue;
    const key = c.lenderEntityId ? `entity:${c.lenderEntityId}` : `brand:${c.lenderBrandId}`;
    const have = byKey.get(key);
    if (have) {
      have.collectorIds.push(c.id);
      continue;
    }
    const brand = c.lenderBrandId ? getLenderBrand(c.lenderBrandId) : null;
    if (c.lenderEntityId) {
      byKey.set(key, entityLender(getLenderEntity(c.lenderEntityId), brand?.name ?? null, key, [], [c.id]));
    } else if (brand) {
      // A multi-lender brand: routed by what lends under it when all its lenders share a type, else by the brand's type.
      const types = [...new Set(brand.entities.map(getLenderEntity).filter((e) => e.type !== 'guarantee' && e.type !== 'platform').map((e) => e.type))];
      const type = types.length === 1 ? types[0]! : 'platform';
      byKey.set(key, {
        key, name: brand.name, entity: null, brand: brand.name, type, regulator: null, province: null, channels: channelsForType(type),
        multiLender: true, loanIds: [], collectorIds: [c.id],
      });
    }
  }
  return [...out, ...byKey.values()];
}

export async function documentCase(ctx: AppContext, answers: Record<string, string>): Promise<DocumentCase> {
  const { findings, caseData } = await runFindings(ctx);
  const cited = new Set(findings.flatMap((f) => f.eventIds));
  const contacts = new Map(caseData.contacts.map((c) => [c.id, c]));
  const events: DocumentEvent[] = caseData.events
    .filter((e) => cited.has(e.id))
    .map((e) => ({
      id: e.id,
      at: toIsoLocal(e.at, e.tz),
      kind: e.kind,
      direction: e.direction,
      number: e.number,
      recipient: e.recipient,
      text: e.text,
      labels: e.labels,
      spans: e.spans,
      callStatus: e.callStatus ?? null,
      durationS: e.durationS,
      contactName: e.contactId != null ? contacts.get(e.contactId)?.name ?? null : null,
      contactNumber: e.contactNumber ?? null,
    }));
  const reachedIds = new Set(caseData.events.filter((e) => e.contactId != null && (e.kind === 'third_party_report' || e.recipient === 'third_party')).map((e) => e.contactId!));
  const people = [...reachedIds].map((id) => contacts.get(id)).filter((c): c is NonNullable<typeof c> => Boolean(c));
  const chain = await checkChain(ctx);
  const attachments = await repo.listAttachments(ctx.store.db, ctx.caseId);
  // Quotes the person recorded with `huxun law lpr add` count for contracts after the table's last quote.
  const userLpr = await listUserLpr(ctx);
  // Calls and messages per collector, counted as the evidence report counts them (one source for the letters and the report).
  const activity = new Map(collectorActivity(caseData.events, ctx.tz).map(({ collectorId, ...a }) => [collectorId, a]));
  return {
    today: localDate(ctx.now(), ctx.tz),
    tz: ctx.tz,
    borrower: { name: answers.borrower_name ?? null, phone: answers.borrower_phone ?? null, idLast4: answers.borrower_id_last4 ?? null, city: answers.borrower_city ?? null },
    loans: caseData.loans.map((l) => {
      const r = loanReport(l, userLpr);
      return {
        id: l.id,
        lenderName: l.lenderName,
        lenderType: l.lenderType,
        productName: l.productName ?? null,
        contractDate: l.contractDate,
        contractPrincipalFen: l.contractPrincipalFen,
        receivedFen: l.receivedFen,
        lines: r.lines.map((x) => ({
          lineId: x.lineId, label: x.label, applies: x.applies, over: x.over === true, excessFen: x.excessFen ?? 0,
          aprNominal: x.loanRate ?? 0, lineRate: x.lineRate ?? 0, citationIds: x.citationIds,
        })),
      };
    }),
    collectors: caseData.collectors.map((c) => ({
      id: c.id, name: c.name, numbers: c.numbers, lenderName: c.lenderName ?? (c.loanId != null ? caseData.loans.find((l) => l.id === c.loanId)?.lenderName ?? null : null),
      claims: c.claims ?? [], loanId: c.loanId, activity: activity.get(c.id) ?? null,
    })),
    lenders: caseLenders(caseData.loans, caseData.collectors),
    findings,
    events,
    contactsReached: { count: reachedIds.size, people: people.map((p) => ({ name: p.name, numbers: p.numbers, relation: p.relation ?? null })) },
    evidence: {
      attachments: attachments.map((a) => ({ name: a.name ?? a.sha256, sha256: a.sha256, kind: a.mime.startsWith('audio/') ? 'recording' : a.mime.startsWith('image/') ? 'screenshot' : 'file' })),
      chainHead: chain.head,
      recordCount: chain.count,
    },
    answers,
    ruleTitles: RULE_TITLES,
  };
}

function request(input: DocumentInput, c: DocumentCase): DocumentRequest {
  const type = input.type as DocumentType;
  if (!DOCUMENT_TYPES.some((d) => d.id === type)) throw new AppError('BAD_INPUT', `type: 未知文书 unknown document ${JSON.stringify(input.type)}; expected one of ${DOCUMENT_TYPES.map((d) => d.id).join(', ')}`);
  let lender: string | null = null;
  if (input.loan_id != null) {
    const l = c.loans.find((x) => x.id === input.loan_id);
    if (!l) throw new AppError('NOT_FOUND', `借款 #${input.loan_id} 不存在 loan ${input.loan_id} not found`);
    lender = l.lenderName;
  }
  let channel = input.channel ?? undefined;
  let lenderKey: string | null = null;
  if (type === 'complaint') {
    // One complaint per lender: the lender asked for (a key, or a loan), else the first lender with findings.
    const key = input.lender?.trim() || (input.loan_id != null ? `loan:${input.loan_id}` : null);
    if (key && key !== UNKNOWN_LENDER && !(c.lenders ?? []).some((l) => l.key === key)) {
      const byName = (c.lenders ?? []).find((l) => l.name === key || l.brand === key || l.entity === key);
      if (!byName) throw new AppError('NOT_FOUND', `lender: 本案没有这个放贷机构 no lender ${JSON.stringify(key)} in this case; expected one of ${[...(c.lenders ?? []).map((l) => l.key), UNKNOWN_LENDER].join(', ')}`);
      lenderKey = byName.key;
    } else lenderKey = key;
    const proposals = complaintProposals(c);
    if (!lenderKey && (!channel || LENDER_CHANNELS.includes(channel))) {
      const first = proposals.find((p) => !channel || p.channels.some((x) => x.id === channel));
      lenderKey = first?.lender ?? null;
    }
    if (!channel) {
      const forLender = proposals.find((p) => p.lender === lenderKey)?.channels.filter((x) => x.letter && x.id !== 'lender')[0]?.id;
      const proposed = proposeChannels(c.loans.map((l) => l.lenderType), c.findings, CHANNELS).filter((p) => (LETTER_CHANNELS as readonly string[]).includes(p.id));
      channel = forLender ?? proposed[0]?.id ?? 'lender';
    }
    if (!(LETTER_CHANNELS as readonly string[]).includes(channel)) throw new AppError('BAD_INPUT', `channel: 未知渠道 unknown channel ${JSON.stringify(channel)}; expected one of ${LETTER_CHANNELS.join(', ')}`);
    if (!LENDER_CHANNELS.includes(channel)) lenderKey = null;
  }
  if (input.for !== undefined && input.for !== 'draft' && input.for !== 'send') throw new AppError('BAD_INPUT', `for: expected draft or send, got ${JSON.stringify(input.for)}`);
  return { type, channel, lender, lenderKey, contact: input.contact ?? null, lang: input.lang ?? 'zh', redact: input.redact ? {} : false, purpose: input.for ?? 'draft' };
}

/** One complaint per lender, each with the channels that supervise it and why (issue 12 §3). */
function complaintProposals(c: DocumentCase) {
  const lenders = c.lenders ?? [];
  const unknown = c.collectors.filter((k) => k.lenderName === null && k.loanId == null).flatMap((k) => (k.id != null ? [k.id] : []));
  return proposeLenderComplaints(lenders, unknown, (key) => (key === UNKNOWN_LENDER ? scopeUnknown(c) : scopeLender(c, lenders.find((l) => l.key === key)!)).findings, CHANNELS);
}

export async function proposedComplaints(ctx: AppContext) {
  const c = await documentCase(ctx, await savedAnswers(ctx));
  return complaintProposals(c);
}

export function listDocumentTypes() {
  return DOCUMENT_TYPES.map((d) => ({ type: d.id, title: d.title, description: d.description, per_channel: d.perChannel, form_text: d.formText, questions: d.questions }));
}

export async function proposedChannels(ctx: AppContext) {
  const { findings, caseData } = await runFindings(ctx);
  return proposeChannels(caseData.loans.map((l) => l.lenderType), findings, CHANNELS);
}

export async function previewDocument(ctx: AppContext, input: DocumentInput) {
  const answers = await mergeAnswers(ctx, input.answers);
  const c = await documentCase(ctx, answers);
  // The preview is the person's view: always the draft, whatever `for` says.
  const req = { ...request(input, c), purpose: 'draft' as const };
  const r = buildDocument(c, LAW_VIEW, req);
  const short = req.type === 'complaint' ? buildComplaintText(c, req.channel!, LAW_VIEW, 'short', { lang: req.lang, redact: req.redact, lender: req.lender, lenderKey: req.lenderKey }) : null;
  return {
    type: req.type,
    channel: req.channel ?? null,
    title: r.model.title,
    html: renderHtml(r.model),
    missing: r.missing,
    answers,
    citation_ids: r.citationIds,
    short_text: short?.text ?? null,
    channels: req.type === 'complaint' ? proposeChannels(c.loans.map((l) => l.lenderType), c.findings, CHANNELS) : [],
    lender: req.lenderKey ?? null,
    complaints: req.type === 'complaint' ? complaintProposals(c) : [],
  };
}

export interface RenderedDocument {
  bytes: Buffer;
  fileName: string;
  mime: string;
  citationIds: string[];
  /** The complaint's channel (proposed when none was asked for). */
  channel: string | null;
  /** Facts the case lacks: the document leaves blanks for them. */
  missing: Question[];
}

export async function renderDocument(ctx: AppContext, input: DocumentInput & { format: 'pdf' | 'docx' | 'txt'; length?: FormLength }): Promise<RenderedDocument> {
  const answers = await mergeAnswers(ctx, input.answers);
  const c = await documentCase(ctx, answers);
  const req = request(input, c);
  const r = buildDocument(c, LAW_VIEW, req);
  const base = `${r.model.title}${req.channel ? `-${req.channel}` : ''}-${c.today}${req.purpose === 'send' ? '' : '-草稿'}`.replace(/[\\/:*?"<>|\s]+/g, '_');
  const about = { channel: req.channel ?? null, missing: r.missing };
  if (input.format === 'pdf') return { bytes: await renderPdf(r.model), fileName: `${base}.pdf`, mime: 'application/pdf', citationIds: r.citationIds, ...about };
  if (input.format === 'docx') return { bytes: await renderDocx(r.model), fileName: `${base}.docx`, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', citationIds: r.citationIds, ...about };
  const length = input.length ?? 'full';
  if (req.type === 'complaint' && length !== 'full') {
    const t = buildComplaintText(c, req.channel!, LAW_VIEW, length, { lang: req.lang, redact: req.redact, lender: req.lender, lenderKey: req.lenderKey });
    return { bytes: Buffer.from(t.text, 'utf8'), fileName: `${base}-${length}.txt`, mime: 'text/plain; charset=utf-8', citationIds: t.citationIds, ...about };
  }
  const limit = length === 'full' ? undefined : FORM_LIMITS[length] ?? undefined;
  return { bytes: Buffer.from(renderText(r.model, limit), 'utf8'), fileName: `${base}${length === 'full' ? '' : `-${length}`}.txt`, mime: 'text/plain; charset=utf-8', citationIds: r.citationIds, ...about };
}
