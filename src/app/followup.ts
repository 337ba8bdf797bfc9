/**
 * 投诉跟进 use cases (issue 16): record a complaint as sent (channel, date, how, 受理编号, the text sent kept as an
 * attachment and the submission as an evidence record), its answer deadline where the law data gives one for that
 * channel (src/domain/followup/deadlines.ts) or the person's reminder date, the answer, and the next steps when no
 * answer comes (催办 the same channel; escalate to the next channel the routing proposes), each its own document.
 * Dates are local dates in the case's zone (Asia/Shanghai by default) through src/domain/time.ts.
 */
import { Readable } from 'node:stream';
import type { Text2 } from '../domain/law.js';
import type { CitationBlock } from '../domain/documents/model.js';
import { LETTER_CHANNELS, UNKNOWN_LENDER, type DocumentLender } from '../domain/documents/index.js';
import {
  ANSWER_OUTCOMES, METHOD_LABEL, OUTCOME_LABEL, SUBMIT_METHODS, answerDeadline, buildStepDocument, deadlineRule, followUpIcs, followUpStatus, nextChannel,
  type AnswerOutcome, type FollowUpState, type StepSubmission, type SubmitMethod,
} from '../domain/followup/index.js';
import { localDate, parseDate } from '../domain/time.js';
import { renderDocx, renderPdf, renderText } from '../render/index.js';
import * as repo from '../store/repo.js';
import * as fr from '../store/followup-repo.js';
import { addAttachment } from './attachments.js';
import type { AppContext } from './context.js';
import { caseLenders, LAW_VIEW, renderDocument, type RenderedDocument } from './documents.js';
import { AppError } from './errors.js';
import type { ComplaintView, DeadlineView, FollowUpSummary, NextStepView } from '../shared/followup.js';
import { checkChain, recordEvidence } from './evidence.js';

/** Version of the follow-up records' evidence payloads. */
export const FOLLOWUP_VERSION = 1;
/** The app version named with a document Huxun generated (as the bundle's manifest names it). */
const APP_VERSION = '0.1.0';




function channelName(id: string): Text2 {
  return LAW_VIEW.channel(id)?.name ?? { zh: id, en: id };
}

function today(ctx: AppContext): string {
  return localDate(ctx.now(), ctx.tz);
}

function checkDate(v: string, field: string): string {
  if (!parseDate(v)) throw new AppError('BAD_INPUT', `${field}: expected YYYY-MM-DD, got ${JSON.stringify(v)}`);
  return v;
}

function deadlineView(channel: string, lenderType: string | null, submitted: string, step: number): DeadlineView | null {
  const d = answerDeadline(channel, lenderType, submitted, step);
  if (!d) return null;
  const citations = d.citationIds.flatMap((id) => {
    const c = LAW_VIEW.citation(id);
    return c ? [{ id, title: c.title, excerpt: c.excerpt, verified: c.verified, tier: c.tierLabel }] : [];
  });
  return { due_on: d.due, days: d.days, unit: d.unit, step: d.step, extendable: d.extendable, what: d.what, caveat: d.caveat, citations };
}

const NO_DEADLINE: Text2 = {
  zh: '护讯的法规资料里没有这个渠道的答复期限，请自己设一个提醒日期（例如提交后15天），到时护讯会提醒你跟进。',
  en: "Huxun's law data has no answer deadline for this channel: set a reminder date yourself (e.g. 15 days after sending) and Huxun will remind you.",
};

async function lendersOf(ctx: AppContext): Promise<DocumentLender[]> {
  const [loans, collectors] = await Promise.all([repo.listLoans(ctx.store.db, ctx.caseId), repo.listCollectors(ctx.store.db, ctx.caseId)]);
  return caseLenders(loans, collectors);
}

/** The routing for a lender: its own channels (the lender first, then its regulator…), else every letter channel. */
function routeFor(lender: DocumentLender | null): string[] {
  const base = lender?.channels?.length ? [...lender.channels] : ['lender', '12378', 'local_regulator'];
  const letters = LETTER_CHANNELS as readonly string[];
  const rest = letters.filter((c) => !base.includes(c) && c !== '12315');
  return [...base.filter((c) => letters.includes(c)), ...rest];
}

function stepsFor(row: fr.ComplaintRow, all: readonly fr.ComplaintRow[], lender: DocumentLender | null): NextStepView[] {
  const used = chainOf(row, all).map((r) => r.channel);
  const next = nextChannel(routeFor(lender), row.channel, used);
  const name = channelName(row.channel);
  const out: NextStepView[] = [
    {
      kind: 'urge', channel: row.channel, channel_name: name,
      title: { zh: `催办：请${name.zh}告知处理结果`, en: `Ask ${name.en} for its answer` },
      why: { zh: '先催一次：引用受理编号，请对方说明进度和结果。', en: 'Chase it once: quote the reference and ask where it stands.' },
    },
  ];
  if (next) {
    const nn = channelName(next);
    out.push({
      kind: 'escalate', channel: next, channel_name: nn,
      title: { zh: `升级：向${nn.zh}投诉`, en: `Escalate to ${nn.en}` },
      why: {
        zh: `逾期没有答复时，按本案的投诉路线，下一站是${nn.zh}。新的投诉信会写明前次投诉的日期、受理编号和逾期情况。`,
        en: `With no answer by the deadline, the next stop on this case's route is ${nn.en}. The new letter gives the earlier complaint's date, reference and how late it is.`,
      },
    });
  }
  return out;
}

/** The complaint and its ancestors (the matter's earlier submissions), newest first. */
function chainOf(row: fr.ComplaintRow, all: readonly fr.ComplaintRow[]): fr.ComplaintRow[] {
  const byId = new Map(all.map((r) => [r.id, r]));
  const out: fr.ComplaintRow[] = [];
  let cur: fr.ComplaintRow | undefined = row;
  const seen = new Set<number>();
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    out.push(cur);
    cur = cur.parentId != null ? byId.get(cur.parentId) : undefined;
  }
  return out;
}

function view(row: fr.ComplaintRow, all: readonly fr.ComplaintRow[], lenders: readonly DocumentLender[], now: string): ComplaintView {
  const children = all.filter((r) => r.parentId === row.id).map((r) => r.id);
  const deadline = deadlineView(row.channel, row.lenderType, row.submittedOn, row.dueStep);
  const st = followUpStatus(
    { submittedOn: row.submittedOn, dueOn: deadline?.due_on ?? null, remindOn: row.remindOn, answeredOn: row.answeredOn, answerOutcome: (row.answerOutcome as AnswerOutcome | null) ?? null, escalated: children.length > 0 },
    now,
  );
  const lender = lenders.find((l) => l.key === row.lenderKey) ?? null;
  const method = (SUBMIT_METHODS as readonly string[]).includes(row.method) ? (row.method as SubmitMethod) : 'web';
  const outcome = row.answerOutcome && (ANSWER_OUTCOMES as readonly string[]).includes(row.answerOutcome) ? (row.answerOutcome as AnswerOutcome) : null;
  return {
    id: row.id, parent_id: row.parentId, channel: row.channel, channel_name: channelName(row.channel), lender_key: row.lenderKey, lender_name: row.lenderName, lender_type: row.lenderType,
    submitted_on: row.submittedOn, method, method_label: METHOD_LABEL[method], reference: row.reference,
    document: row.documentSha256 ? { sha256: row.documentSha256, name: row.documentName, meta: row.documentMeta } : null,
    evidence_seq: row.evidenceSeq, deadline, no_deadline: deadline ? null : NO_DEADLINE, remind_on: row.remindOn,
    answer: row.answeredOn && outcome ? { on: row.answeredOn, outcome, outcome_label: OUTCOME_LABEL[outcome], text: row.answerText, evidence_seq: row.answerEvidenceSeq } : null,
    note: row.note, state: st.state, next_date: st.nextDate, next_kind: st.nextKind, days_left: st.daysLeft, due_soon: st.dueSoon, children,
    next_steps: st.state === 'due' ? stepsFor(row, all, lender) : [],
  };
}

export async function listComplaints(ctx: AppContext): Promise<ComplaintView[]> {
  const [rows, lenders] = await Promise.all([fr.listComplaints(ctx.store.db, ctx.caseId), lendersOf(ctx)]);
  const now = today(ctx);
  return rows.map((r) => view(r, rows, lenders, now));
}

export async function getComplaint(ctx: AppContext, id: number): Promise<ComplaintView> {
  const all = await listComplaints(ctx);
  const v = all.find((c) => c.id === id);
  if (!v) throw new AppError('NOT_FOUND', `投诉 #${id} 不存在 complaint ${id} not found`);
  return v;
}

export interface ComplaintInput {
  channel: string;
  /** A lender key of the case ('loan:3', 'entity:…'), or its name. */
  lender?: string | null;
  submitted_on: string;
  method: string;
  reference?: string | null;
  remind_on?: string | null;
  /** The text sent, as pasted (kept as a .txt attachment). */
  text?: string | null;
  /** The file sent, already stored as an attachment (POST /api/evidence or `huxun evidence add`). */
  attachment_sha256?: string | null;
  /** No text given: keep Huxun's complaint letter for this channel and lender, in this format, as the version sent. */
  generate?: 'pdf' | 'docx' | 'txt' | null;
  /** The complaint this one escalates (same matter, next channel). */
  parent_id?: number | null;
  note?: string | null;
}

const CHANNEL_IDS = (): string[] => LAW_VIEW.channels().map((c) => c.id);

/**
 * Records a sent complaint: the text sent stored as an attachment (content-addressed, its own evidence record), then
 * the submission row and a 'complaint_submission' evidence record naming that document's SHA-256 and version, in one
 * transaction.
 */
export async function addComplaint(ctx: AppContext, input: ComplaintInput): Promise<ComplaintView> {
  if (!CHANNEL_IDS().includes(input.channel)) throw new AppError('BAD_INPUT', `channel: 未知渠道 unknown channel ${JSON.stringify(input.channel)}; expected one of ${CHANNEL_IDS().join(', ')}`);
  if (!(SUBMIT_METHODS as readonly string[]).includes(input.method)) throw new AppError('BAD_INPUT', `method: expected one of ${SUBMIT_METHODS.join(', ')}, got ${JSON.stringify(input.method)}`);
  const submitted = checkDate(input.submitted_on, 'submitted_on');
  if (submitted > today(ctx)) throw new AppError('BAD_INPUT', `submitted_on: 提交日期不能晚于今天 the date sent cannot be after today (${submitted})`);
  const remind = input.remind_on ? checkDate(input.remind_on, 'remind_on') : null;
  if (remind && remind < submitted) throw new AppError('BAD_INPUT', `remind_on: 提醒日期不能早于提交日期 the reminder cannot be before the date sent`);
  const reference = input.reference?.trim() || null;
  if (reference && reference.length > 200) throw new AppError('BAD_INPUT', 'reference: 受理编号过长 too long (200 characters at most)');
  const all = await fr.listComplaints(ctx.store.db, ctx.caseId);
  if (input.parent_id != null && !all.some((r) => r.id === input.parent_id)) throw new AppError('NOT_FOUND', `投诉 #${input.parent_id} 不存在 complaint ${input.parent_id} not found`);
  const parent = input.parent_id != null ? all.find((r) => r.id === input.parent_id)! : null;

  const lenders = await lendersOf(ctx);
  let lender: DocumentLender | null = null;
  const key = input.lender?.trim() || parent?.lenderKey || null;
  if (key && key !== UNKNOWN_LENDER) {
    lender = lenders.find((l) => l.key === key || l.name === key || l.brand === key || l.entity === key) ?? null;
    if (!lender) throw new AppError('NOT_FOUND', `lender: 本案没有这个放贷机构 no lender ${JSON.stringify(key)} in this case; expected one of ${lenders.map((l) => l.key).join(', ') || '(none)'}`);
  } else if (!key && lenders.length === 1 && input.channel === 'lender') lender = lenders[0]!;

  // The document sent: pasted text, an existing attachment, or Huxun's letter for this channel.
  let doc: { sha256: string; name: string | null; meta: Record<string, unknown> } | null = null;
  if (input.attachment_sha256) {
    const att = (await repo.listAttachments(ctx.store.db, ctx.caseId)).find((a) => a.sha256 === input.attachment_sha256);
    if (!att) throw new AppError('NOT_FOUND', `文件 ${input.attachment_sha256} 不在证据里 not among the evidence files`);
    doc = { sha256: att.sha256, name: att.name ?? null, meta: { source: 'attachment', size: att.size, mime: att.mime } };
  } else if (input.text?.trim()) {
    if (input.text.length > 200_000) throw new AppError('BAD_INPUT', 'text: 文本过长 too long (200,000 characters at most)');
    const bytes = Buffer.from(input.text, 'utf8');
    const a = await addAttachment(ctx, { name: `投诉文本-${input.channel}-${submitted}.txt`, stream: Readable.from([bytes]), note: `投诉跟进：${input.channel} ${submitted} 提交的文本` });
    doc = { sha256: a.sha256, name: a.name, meta: { source: 'text', size: a.size, mime: a.mime } };
  } else if (input.generate) {
    if (!(LETTER_CHANNELS as readonly string[]).includes(input.channel)) throw new AppError('BAD_INPUT', `generate: 护讯不为渠道 ${input.channel} 生成投诉信 no letter for this channel; give the text sent instead`);
    // The letter as sent (no draft banner): recording it is the person's statement that they sent it.
    const d = await renderDocument(ctx, { type: 'complaint', channel: input.channel, lender: lender?.key ?? null, format: input.generate, for: 'send' });
    const a = await addAttachment(ctx, { name: d.fileName, stream: Readable.from([d.bytes]), note: `投诉跟进：${input.channel} ${submitted} 提交的投诉信` });
    doc = { sha256: a.sha256, name: a.name, meta: { source: 'generated', type: 'complaint', channel: input.channel, lender: lender?.key ?? null, format: input.generate, citation_ids: d.citationIds, size: a.size, generated_at: ctx.now(), app_version: APP_VERSION } };
  }

  const deadline = answerDeadline(input.channel, lender?.type ?? null, submitted);
  const now = ctx.now();
  const note = input.note?.trim() || null;
  const id = await ctx.store.db.transaction().execute(async (trx) => {
    const rec = await recordEvidence(ctx, trx, 'complaint_submission', {
      v: FOLLOWUP_VERSION, channel: input.channel, lender: lender?.key ?? null, lender_name: lender?.name ?? null, submitted_on: submitted, method: input.method, reference,
      parent_id: input.parent_id ?? null, document: doc ? { sha256: doc.sha256, name: doc.name, ...doc.meta } : null, due_on: deadline?.due ?? null, remind_on: remind, note,
    });
    return fr.insertComplaint(trx, ctx.caseId, {
      parentId: input.parent_id ?? null, channel: input.channel, lenderKey: lender?.key ?? (key === UNKNOWN_LENDER ? UNKNOWN_LENDER : null), lenderName: lender?.name ?? null,
      lenderType: lender?.type ?? null, submittedOn: submitted, method: input.method, reference, documentSha256: doc?.sha256 ?? null, documentName: doc?.name ?? null,
      documentMeta: doc?.meta ?? {}, dueOn: deadline?.due ?? null, dueStep: 0, remindOn: remind, answeredOn: null, answerOutcome: null, answerText: null, answerEvidenceSeq: null,
      note, evidenceSeq: rec.seq, createdAt: now, updatedAt: now,
    });
  });
  return getComplaint(ctx, id);
}

export interface AnswerInput {
  answered_on: string;
  outcome: string;
  text?: string | null;
}

/**
 * Records the answer (an evidence record too). An answer saying the deadline is extended moves the deadline to the
 * law's next step (A13: 15 → 30 → 60 days) and keeps the complaint open.
 */
export async function answerComplaint(ctx: AppContext, id: number, input: AnswerInput): Promise<ComplaintView> {
  const row = await fr.getComplaint(ctx.store.db, ctx.caseId, id);
  if (!row) throw new AppError('NOT_FOUND', `投诉 #${id} 不存在 complaint ${id} not found`);
  const on = checkDate(input.answered_on, 'answered_on');
  if (on < row.submittedOn) throw new AppError('BAD_INPUT', `answered_on: 答复日期早于提交日期 the answer cannot predate the complaint (${row.submittedOn})`);
  if (on > today(ctx)) throw new AppError('BAD_INPUT', `answered_on: 答复日期不能晚于今天 the answer cannot be dated after today`);
  if (!(ANSWER_OUTCOMES as readonly string[]).includes(input.outcome)) throw new AppError('BAD_INPUT', `outcome: expected one of ${ANSWER_OUTCOMES.join(', ')}, got ${JSON.stringify(input.outcome)}`);
  const text = input.text?.trim() || null;
  if (text && text.length > 20_000) throw new AppError('BAD_INPUT', 'text: 答复内容过长 too long (20,000 characters at most)');
  let step = row.dueStep;
  let due = row.dueOn;
  if (input.outcome === 'extended') {
    const rule = deadlineRule(row.channel, row.lenderType);
    if (rule && step < rule.ladder.length - 1) {
      step++;
      due = answerDeadline(row.channel, row.lenderType, row.submittedOn, step)?.due ?? due;
    }
  }
  await ctx.store.db.transaction().execute(async (trx) => {
    const rec = await recordEvidence(ctx, trx, 'complaint_answer', { v: FOLLOWUP_VERSION, complaint_id: id, channel: row.channel, reference: row.reference, answered_on: on, outcome: input.outcome, text, due_on: due });
    await fr.updateComplaint(trx, ctx.caseId, id, { answered_on: on, answer_outcome: input.outcome, answer_text: text, answer_evidence_seq: rec.seq, due_on: due, due_step: step }, ctx.now());
  });
  return getComplaint(ctx, id);
}

/** Sets (or clears, with null) the person's reminder date, and the 受理编号 when it came later. */
export async function updateFollowUp(ctx: AppContext, id: number, patch: { remind_on?: string | null; reference?: string | null }): Promise<ComplaintView> {
  const row = await fr.getComplaint(ctx.store.db, ctx.caseId, id);
  if (!row) throw new AppError('NOT_FOUND', `投诉 #${id} 不存在 complaint ${id} not found`);
  const p: { remind_on?: string | null; reference?: string | null } = {};
  if (patch.remind_on !== undefined) {
    p.remind_on = patch.remind_on ? checkDate(patch.remind_on, 'remind_on') : null;
    if (p.remind_on && p.remind_on < row.submittedOn) throw new AppError('BAD_INPUT', 'remind_on: 提醒日期不能早于提交日期 the reminder cannot be before the date sent');
  }
  if (patch.reference !== undefined) p.reference = patch.reference?.trim() || null;
  await fr.updateComplaint(ctx.store.db, ctx.caseId, id, p, ctx.now());
  return getComplaint(ctx, id);
}

/** A step's document: 催办函 to the same channel, or the escalation note to the next one (its own document). */
export async function stepDocument(ctx: AppContext, id: number, kind: 'urge' | 'escalate', format: 'pdf' | 'docx' | 'txt', lang: 'zh' | 'en' = 'zh'): Promise<RenderedDocument> {
  const all = await fr.listComplaints(ctx.store.db, ctx.caseId);
  const row = all.find((r) => r.id === id);
  if (!row) throw new AppError('NOT_FOUND', `投诉 #${id} 不存在 complaint ${id} not found`);
  const lenders = await lendersOf(ctx);
  const lender = lenders.find((l) => l.key === row.lenderKey) ?? null;
  const steps = stepsFor(row, all, lender);
  const step = steps.find((s) => s.kind === kind);
  if (!step) throw new AppError('NOT_FOUND', `没有可升级的下一个渠道 no next channel to escalate complaint ${id} to`);
  const answers = await savedAnswers(ctx);
  const history: StepSubmission[] = chainOf(row, all).map((r) => {
    const d = answerDeadline(r.channel, r.lenderType, r.submittedOn, r.dueStep);
    return {
      id: r.id, channelName: r.channel === 'lender' && r.lenderName ? { zh: r.lenderName, en: r.lenderName } : channelName(r.channel), submittedOn: r.submittedOn, method: ((SUBMIT_METHODS as readonly string[]).includes(r.method) ? r.method : 'web') as SubmitMethod,
      reference: r.reference, lenderName: r.lenderName, documentSha256: r.documentSha256, dueOn: d?.due ?? null, remindOn: r.remindOn, dueWhat: d?.what ?? null,
    };
  });
  const d = answerDeadline(row.channel, row.lenderType, row.submittedOn, row.dueStep);
  // Outgoing: only citations whose source the law data marks verified.
  const citations: CitationBlock[] = (d?.citationIds ?? []).flatMap((cid) => {
    const c = LAW_VIEW.citation(cid);
    if (!c || c.verified === 'unverified' || c.verified === 'secondary') return [];
    const l = lang === 'zh' ? 'zh' : 'en';
    return [{ type: 'citation', law: c.law[l], article: c.article?.[l] ?? null, excerpt: c.excerpt[l], tierLabel: c.tierLabel[l], verified: true, citationId: c.id, excerptIsSummary: c.excerptIsSummary }];
  });
  const chain = await checkChain(ctx);
  const model = buildStepDocument({
    kind, today: today(ctx), lang, history, to: step.channel === 'lender' && row.lenderName ? { zh: row.lenderName, en: row.lenderName } : step.channel_name, borrower: { name: answers.borrower_name ?? null, phone: answers.borrower_phone ?? null }, citations, chainHead: chain.head,
  });
  const base = `${model.title}-${step.channel}-${today(ctx)}`.replace(/[\\/:*?"<>|\s（）()]+/g, '_');
  const about = { channel: step.channel, missing: [], citationIds: citations.map((c) => c.citationId!) };
  if (format === 'pdf') return { bytes: await renderPdf(model), fileName: `${base}.pdf`, mime: 'application/pdf', ...about };
  if (format === 'docx') return { bytes: await renderDocx(model), fileName: `${base}.docx`, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ...about };
  return { bytes: Buffer.from(renderText(model), 'utf8'), fileName: `${base}.txt`, mime: 'text/plain; charset=utf-8', ...about };
}

/** The complaint letter for an escalation's channel (the enclosure of the escalation note). */
export async function escalationLetter(ctx: AppContext, id: number, format: 'pdf' | 'docx' | 'txt', lang: 'zh' | 'en' = 'zh'): Promise<RenderedDocument> {
  const all = await fr.listComplaints(ctx.store.db, ctx.caseId);
  const row = all.find((r) => r.id === id);
  if (!row) throw new AppError('NOT_FOUND', `投诉 #${id} 不存在 complaint ${id} not found`);
  const lender = (await lendersOf(ctx)).find((l) => l.key === row.lenderKey) ?? null;
  const step = stepsFor(row, all, lender).find((s) => s.kind === 'escalate');
  if (!step || !(LETTER_CHANNELS as readonly string[]).includes(step.channel)) throw new AppError('NOT_FOUND', `没有可升级的下一个渠道 no next channel with a letter for complaint ${id}`);
  return renderDocument(ctx, { type: 'complaint', channel: step.channel, lender: row.lenderKey && row.lenderKey !== UNKNOWN_LENDER ? row.lenderKey : null, format, lang });
}

async function savedAnswers(ctx: AppContext): Promise<Record<string, string>> {
  const raw = await repo.getSetting(ctx.store.db, ctx.caseId, 'document_answers');
  try {
    const v = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    return Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'string').map(([k, x]) => [k, (x as string).slice(0, 200)]));
  } catch {
    return {};
  }
}

/** Reminders of the open complaints as an .ics file. */
export async function complaintsIcs(ctx: AppContext, lang: 'zh' | 'en' = 'zh'): Promise<string> {
  const list = await listComplaints(ctx);
  const zh = lang === 'zh';
  const items = list
    .filter((c) => (c.state === 'submitted' || c.state === 'due') && c.next_date)
    .map((c) => {
      const ch = c.channel_name[lang];
      const ref = c.reference ? (zh ? `（受理编号 ${c.reference}）` : ` (ref. ${c.reference})`) : '';
      const summary = c.next_kind === 'deadline' ? (zh ? `投诉答复期限：${ch}${ref}` : `Complaint answer due: ${ch}${ref}`) : zh ? `跟进投诉：${ch}${ref}` : `Follow up complaint: ${ch}${ref}`;
      const what = c.deadline ? (zh ? `依规定应在 ${c.deadline.due_on} 前${c.deadline.what.zh}。` : `It must ${c.deadline.what.en} by ${c.deadline.due_on}.`) : '';
      const description = zh
        ? `${c.submitted_on} 通过${c.method_label.zh}向${ch}投诉${c.lender_name ? `（${c.lender_name}）` : ''}${ref}。${what}到期仍无答复：在护讯「投诉跟进」里生成催办函，或按路线升级投诉。收到答复后在护讯里记下来。`
        : `Complaint to ${ch} sent ${c.submitted_on} by ${c.method_label.en}${c.lender_name ? ` (${c.lender_name})` : ''}${ref}. ${what} No answer by then: make the follow-up letter or escalate in Huxun's Follow-up page. Record the answer when it comes.`;
      return { complaintId: c.id, date: c.next_date!, kind: c.next_kind!, summary, description };
    });
  return followUpIcs(items, ctx.now(), lang);
}

export type { ComplaintView, DeadlineView, FollowUpSummary, NextStepView } from '../shared/followup.js';

/** For 总览: open complaints and what is due next. */
export async function followUpSummary(ctx: AppContext): Promise<FollowUpSummary> {
  const list = await listComplaints(ctx);
  const open = list.filter((c) => c.state === 'submitted' || c.state === 'due');
  const upcoming = [...open]
    .sort((a, b) => (a.next_date ?? '9999') .localeCompare(b.next_date ?? '9999') || a.id - b.id)
    .map((c) => ({ id: c.id, channel_name: c.channel_name, lender_name: c.lender_name, reference: c.reference, state: c.state, next_date: c.next_date, next_kind: c.next_kind, days_left: c.days_left }));
  return { open: open.length, due: open.filter((c) => c.state === 'due').length, upcoming };
}

/** What the follow-up form offers: channels (letter channels first), the case's lenders, methods and outcomes. */
export async function complaintOptions(ctx: AppContext) {
  const lenders = await lendersOf(ctx);
  const letters = LETTER_CHANNELS as readonly string[];
  const channels = [...LAW_VIEW.channels()]
    .filter((c) => c.id !== '12363')
    .sort((a, b) => Number(!letters.includes(a.id)) - Number(!letters.includes(b.id)))
    .map((c) => ({ id: c.id, name: c.name, letter: letters.includes(c.id), deadline: DEADLINE_NOTE(c.id) }));
  return {
    channels,
    lenders: lenders.map((l) => ({ key: l.key, name: l.brand && l.brand !== l.name ? `${l.name}（${l.brand}）` : l.name, type: l.type })),
    methods: SUBMIT_METHODS.map((m) => ({ id: m, label: METHOD_LABEL[m] })),
    outcomes: ANSWER_OUTCOMES.map((o) => ({ id: o, label: OUTCOME_LABEL[o] })),
    today: today(ctx),
  };
}

/** Whether the law data gives the channel an answer deadline (for some lender types). */
function DEADLINE_NOTE(channel: string): boolean {
  return ['bank', 'credit_card', 'other', null].some((t) => deadlineRule(channel, t) != null);
}
