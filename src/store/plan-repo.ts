/** Plan repositories (issue 14): payments and agreements, scoped by case. Budget and choices live in settings. */
import type { Q } from './repo.js';

export interface PaymentRow {
  id: number;
  loanId: number;
  paidOn: string;
  amountFen: number;
  payee: string | null;
  receiptSha256: string | null;
  note: string | null;
  evidenceSeq: number | null;
  createdAt: number;
}

export interface AgreementRow {
  id: number;
  loanId: number;
  agreedOn: string;
  data: unknown;
  evidenceSeq: number | null;
  createdAt: number;
}

export async function insertPayment(db: Q, caseId: number, p: Omit<PaymentRow, 'id'>): Promise<number> {
  const r = await db
    .insertInto('plan_payments')
    .values({ case_id: caseId, loan_id: p.loanId, paid_on: p.paidOn, amount_fen: p.amountFen, payee: p.payee, receipt_sha256: p.receiptSha256, note: p.note, evidence_seq: p.evidenceSeq, created_at: p.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function listPayments(db: Q, caseId: number): Promise<PaymentRow[]> {
  const rows = await db.selectFrom('plan_payments').selectAll().where('case_id', '=', caseId).orderBy('paid_on').orderBy('id').execute();
  return rows.map((r) => ({
    id: Number(r.id), loanId: Number(r.loan_id), paidOn: r.paid_on, amountFen: Number(r.amount_fen), payee: r.payee, receiptSha256: r.receipt_sha256, note: r.note,
    evidenceSeq: r.evidence_seq == null ? null : Number(r.evidence_seq), createdAt: Number(r.created_at),
  }));
}

export async function insertAgreement(db: Q, caseId: number, a: Omit<AgreementRow, 'id'>): Promise<number> {
  const r = await db
    .insertInto('plan_agreements')
    .values({ case_id: caseId, loan_id: a.loanId, agreed_on: a.agreedOn, data: JSON.stringify(a.data), evidence_seq: a.evidenceSeq, created_at: a.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function listAgreements(db: Q, caseId: number): Promise<AgreementRow[]> {
  const rows = await db.selectFrom('plan_agreements').selectAll().where('case_id', '=', caseId).orderBy('agreed_on').orderBy('id').execute();
  return rows.map((r) => ({ id: Number(r.id), loanId: Number(r.loan_id), agreedOn: r.agreed_on, data: JSON.parse(r.data) as unknown, evidenceSeq: r.evidence_seq == null ? null : Number(r.evidence_seq), createdAt: Number(r.created_at) }));
}
