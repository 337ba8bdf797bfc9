/** 投诉跟进 repository (issue 16): complaints sent, scoped by case. */
import type { Q } from './repo.js';

export interface ComplaintRow {
  id: number;
  parentId: number | null;
  channel: string;
  lenderKey: string | null;
  lenderName: string | null;
  lenderType: string | null;
  submittedOn: string;
  method: string;
  reference: string | null;
  documentSha256: string | null;
  documentName: string | null;
  documentMeta: Record<string, unknown>;
  dueOn: string | null;
  dueStep: number;
  remindOn: string | null;
  answeredOn: string | null;
  answerOutcome: string | null;
  answerText: string | null;
  answerEvidenceSeq: number | null;
  note: string | null;
  evidenceSeq: number | null;
  createdAt: number;
  updatedAt: number;
}

type Raw = Record<string, unknown>;

function toRow(r: Raw): ComplaintRow {
  const n = (v: unknown) => (v == null ? null : Number(v));
  const s = (v: unknown) => (v == null ? null : String(v));
  let meta: Record<string, unknown> = {};
  try {
    meta = JSON.parse(String(r.document_meta ?? '{}')) as Record<string, unknown>;
  } catch {
    meta = {};
  }
  return {
    id: Number(r.id), parentId: n(r.parent_id), channel: String(r.channel), lenderKey: s(r.lender_key), lenderName: s(r.lender_name), lenderType: s(r.lender_type),
    submittedOn: String(r.submitted_on), method: String(r.method), reference: s(r.reference), documentSha256: s(r.document_sha256), documentName: s(r.document_name), documentMeta: meta,
    dueOn: s(r.due_on), dueStep: Number(r.due_step ?? 0), remindOn: s(r.remind_on), answeredOn: s(r.answered_on), answerOutcome: s(r.answer_outcome), answerText: s(r.answer_text),
    answerEvidenceSeq: n(r.answer_evidence_seq), note: s(r.note), evidenceSeq: n(r.evidence_seq), createdAt: Number(r.created_at), updatedAt: Number(r.updated_at),
  };
}

export async function insertComplaint(db: Q, caseId: number, c: Omit<ComplaintRow, 'id'>): Promise<number> {
  const r = await db
    .insertInto('complaints')
    .values({
      case_id: caseId, parent_id: c.parentId, channel: c.channel, lender_key: c.lenderKey, lender_name: c.lenderName, lender_type: c.lenderType, submitted_on: c.submittedOn,
      method: c.method, reference: c.reference, document_sha256: c.documentSha256, document_name: c.documentName, document_meta: JSON.stringify(c.documentMeta), due_on: c.dueOn,
      due_step: c.dueStep, remind_on: c.remindOn, answered_on: c.answeredOn, answer_outcome: c.answerOutcome, answer_text: c.answerText, answer_evidence_seq: c.answerEvidenceSeq,
      note: c.note, evidence_seq: c.evidenceSeq, created_at: c.createdAt, updated_at: c.updatedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function listComplaints(db: Q, caseId: number): Promise<ComplaintRow[]> {
  const rows = await db.selectFrom('complaints').selectAll().where('case_id', '=', caseId).orderBy('submitted_on').orderBy('id').execute();
  return rows.map((r) => toRow(r as unknown as Raw));
}

export async function getComplaint(db: Q, caseId: number, id: number): Promise<ComplaintRow | null> {
  const r = await db.selectFrom('complaints').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
  return r ? toRow(r as unknown as Raw) : null;
}

export async function updateComplaint(
  db: Q,
  caseId: number,
  id: number,
  patch: Partial<{ due_on: string | null; due_step: number; remind_on: string | null; answered_on: string | null; answer_outcome: string | null; answer_text: string | null; answer_evidence_seq: number | null; reference: string | null }>,
  now: number,
): Promise<void> {
  await db.updateTable('complaints').set({ ...patch, updated_at: now }).where('case_id', '=', caseId).where('id', '=', id).execute();
}
