/**
 * Kysely table types. JSON columns are TEXT on both engines (one code path, and the
 * evidence chain hashes the exact stored text). Times are epoch ms in BIGINT columns.
 */
import type { Generated } from 'kysely';

export interface CasesTable {
  id: Generated<number>;
  name: string;
  tz: string;
  created_at: number;
  owner_user_id: number | null;
}

export interface LoansTable {
  id: Generated<number>;
  case_id: number;
  lender_name: string;
  lender_type: string;
  contract_date: string;
  data: string; // LoanInput JSON
  created_at: number;
  updated_at: number;
}

export interface ImportsTable {
  id: Generated<number>;
  case_id: number;
  file_name: string;
  format: string;
  sha256: string | null;
  bytes: number;
  status: string; // running | done | failed
  records: number;
  added: number;
  error: string | null;
  started_at: number;
  finished_at: number | null;
}

export interface EventsTable {
  id: Generated<number>;
  case_id: number;
  kind: string;
  direction: string;
  at: number;
  tz: string;
  number: string | null;
  counterpart_name: string | null;
  contact_id: number | null;
  collector_id: number | null;
  loan_id: number | null;
  text: string | null;
  duration_s: number | null;
  call_status: string | null;
  recipient: string | null;
  contact_number: string | null;
  labels: string; // JSON Label[]
  spans: string; // JSON
  meta: string; // JSON
  import_id: number | null;
  position: number | null;
  dedupe_key: string;
  created_at: number;
}

export interface ContactsTable {
  id: Generated<number>;
  case_id: number;
  name: string;
  numbers: string; // JSON string[]
  relation: string | null;
  is_guarantor: number;
  note: string | null;
  dedupe_key: string;
}

export interface ContactNumbersTable {
  case_id: number;
  number: string;
  contact_id: number;
}

export interface CollectorsTable {
  id: Generated<number>;
  case_id: number;
  name: string;
  lender_name: string | null;
  loan_id: number | null;
  marked_by_user: number;
  /** Registry ids (src/law/lenders*.ts) of the lender, when known (0004). */
  lender_entity_id: string | null;
  lender_brand_id: string | null;
  /** How the lender was known: signature | brand | service_number | loan | user (0004). */
  lender_source: string | null;
  /** JSON string[]: authorities or offices the collector claims to be (0004). */
  claims: Generated<string>;
}

/** The person's marks on numbers that outlive regrouping: 'not_collector' (0004). */
export interface NumberMarksTable {
  case_id: number;
  number: string;
  mark: string;
  decided_at: number;
}

export interface CollectorNumbersTable {
  case_id: number;
  number: string;
  collector_id: number;
}

export interface EvidenceTable {
  case_id: number;
  seq: number;
  kind: string;
  received_at: number;
  payload: string; // canonical JSON
  prev_hash: string;
  hash: string;
}

export interface AttachmentsTable {
  case_id: number;
  sha256: string;
  mime: string;
  size: number;
  name: string | null;
  source: string;
  claimed_at: number | null;
  received_at: number;
  event_id: number | null;
  note: string | null;
}

export interface SettingsTable {
  case_id: number;
  key: string;
  value: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: string; // borrower | caseworker | supervisor | admin (0008; docs/roles.md)
  created_at: number;
  /** 1: cannot log in; existing sessions are refused (0008). */
  disabled: Generated<number>;
  /** TOTP secret (RFC 6238) of a staff account that enrolled, sealed with the server's key (src/app/org/org-key.ts, 'hxs1:' marker; an older plain base32 value is sealed at the next start or login); never returned by a route (0008). */
  totp_secret: string | null;
  /** The 30-second step of the last code accepted for this account: a code is accepted once (0011). */
  totp_last_step: number | null;
  updated_at: Generated<number>;
  /** 1: the password was set by an admin; the account may only change it until its owner does (0013). */
  must_change_password: Generated<number>;
  /** Epoch ms of the last successful login (0013). */
  last_login_at: number | null;
}

/** Only the SHA-256 of the cookie's token is stored (0002; times 0008). */
export interface SessionsTable {
  token_hash: string;
  user_id: number;
  /** Absolute expiry. */
  expires_at: number;
  created_at: Generated<number>;
  last_seen_at: Generated<number>;
  /** Idle expiry: moved forward by each request. */
  idle_expires_at: Generated<number>;
}

/** A failed login, by 'u:<username>' and by 'a:<address>' (0008): the rate limit and back-off read these. */
export interface LoginAttemptsTable {
  id: Generated<number>;
  key: string;
  at: number;
}

/** Append-only (triggers refuse UPDATE/DELETE, 0008): who did what to which case; case_id 0: the organisation, no case (0010). */
export interface AuditLogTable {
  id: Generated<number>;
  case_id: number;
  user_id: number | null;
  at: number;
  action: string;
  method: string;
  route: string;
  target: string | null;
}

export interface CaseNotesTable {
  id: Generated<number>;
  case_id: number;
  author_id: number;
  text: string;
  created_at: number;
  updated_at: number;
}

export interface CaseTasksTable {
  id: Generated<number>;
  case_id: number;
  author_id: number;
  title: string;
  due_on: string | null;
  done_at: number | null;
  assignee_id: number | null;
  created_at: number;
  updated_at: number;
}

/** A case shared with the organisation (0008): by an invite code staff made (hash only) or an uploaded export. */
export interface CaseSharesTable {
  id: Generated<number>;
  case_id: number;
  source: string; // invite | upload
  created_by: number | null;
  created_at: number;
  invite_hash: string | null;
  invite_expires_at: number | null;
  redeemed_at: number | null;
  borrower_user_id: number | null;
  revoked_at: number | null;
  revoked_by: number | null;
}

export interface CaseMembersTable {
  case_id: number;
  user_id: number;
}

/** Issue 14: a payment the person made (also an evidence record, and mirrored into the loan's payments). */
export interface PlanPaymentsTable {
  id: Generated<number>;
  case_id: number;
  loan_id: number;
  paid_on: string; // YYYY-MM-DD
  amount_fen: number;
  payee: string | null;
  receipt_sha256: string | null;
  note: string | null;
  evidence_seq: number | null;
  created_at: number;
}

/** Issue 14: an agreement a lender accepted (terms and the new schedule as JSON). */
export interface PlanAgreementsTable {
  id: Generated<number>;
  case_id: number;
  loan_id: number;
  agreed_on: string; // YYYY-MM-DD
  data: string; // JSON
  evidence_seq: number | null;
  created_at: number;
}

/** Issue 16: a complaint the person sent (投诉跟进); the text sent is an attachment, the submission an evidence record. */
export interface ComplaintsTable {
  id: Generated<number>;
  case_id: number;
  parent_id: number | null;
  channel: string;
  lender_key: string | null;
  lender_name: string | null;
  lender_type: string | null;
  submitted_on: string; // YYYY-MM-DD, local
  method: string; // web | app | phone | letter | email | in_person
  reference: string | null; // 受理编号
  document_sha256: string | null;
  document_name: string | null;
  document_meta: Generated<string>; // JSON
  due_on: string | null;
  due_step: Generated<number>;
  remind_on: string | null;
  answered_on: string | null;
  answer_outcome: string | null;
  answer_text: string | null;
  answer_evidence_seq: number | null;
  note: string | null;
  evidence_seq: number | null;
  created_at: number;
  updated_at: number;
}

/** Issue 15: an import job's state (migration 0012_jobs; src/app/jobs.ts). Times in ms. */
export interface JobsTable {
  case_id: number;
  id: string;
  kind: string;
  file: string;
  state: string; // running | done | failed | interrupted
  stage: string | null; // upload | import
  bytes_read: number;
  bytes_total: number;
  records: number;
  added: number;
  error_code: string | null;
  error: string | null;
  error_text: string | null; // JSON {zh, en}
  hint: string | null;
  result: string | null; // JSON ImportJobResult
  owner: string;
  heartbeat_at: number;
  created_at: number;
  updated_at: number;
}

export interface DB {
  cases: CasesTable;
  loans: LoansTable;
  imports: ImportsTable;
  events: EventsTable;
  contacts: ContactsTable;
  contact_numbers: ContactNumbersTable;
  collectors: CollectorsTable;
  collector_numbers: CollectorNumbersTable;
  number_marks: NumberMarksTable;
  evidence: EvidenceTable;
  attachments: AttachmentsTable;
  settings: SettingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  case_members: CaseMembersTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
  case_notes: CaseNotesTable;
  case_tasks: CaseTasksTable;
  case_shares: CaseSharesTable;
  plan_payments: PlanPaymentsTable;
  plan_agreements: PlanAgreementsTable;
  complaints: ComplaintsTable;
  jobs: JobsTable;
}
