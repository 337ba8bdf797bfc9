/**
 * The HTTP API of one case as a contract: every route the server registers for a case (the local app under /api,
 * the organisation server under /api/cases/:caseId), what it answers, and how (JSON, a file, or an upload answered
 * in JSON). The server's answers are checked against it by test/contract.test.ts (the route list at run time, the
 * types by the type check), and the web client asks through it (web/src/api/typed.ts), so a change on either side
 * that the other does not follow fails `npm test`.
 */
import type { ReportData } from '../domain/report/index.js';
import type { AuditEntryView, CaseListItem, ImportedCaseView, InviteView, NoteView, OrgCaseListItem, SessionView, ShareView, TaskView, UserListItem, UserView } from './accounts.js';
import type { LenderReport } from './org.js';
import type { EventView, Installment, RestorePointView } from './api.js';
import type { FindingsPageView } from './findings.js';
import type { ComplaintView, FollowUpSummary } from './followup.js';
import type { OcrReviewItemView } from './ocr-api.js';
import type {
  AgreementView, AttachmentView, BudgetView, ChainStatus, CollectorDossierView, CollectorView, ContactView, DebtView, FindingView,
  JobProgress, LoanView, StoredAttachmentView, NotCollectorView, OverviewView, PaymentView, PlanCase, PlanView, SettingsView, VerifyView,
} from './views.js';

/** How a route answers: JSON; a file to download; JSON after an octet-stream upload. */
export type RouteKind = 'json' | 'file' | 'upload';

/** Route key → the JSON it answers (`never` for a file download). Keys are "METHOD /path" under the case's API root. */
export interface ApiContract {
  'GET /overview': OverviewView;
  // loans
  'GET /loans': LoanView[];
  'POST /loans': LoanView;
  'POST /loans/preview': LoanView;
  'GET /loans/:id': LoanView;
  'PUT /loans/:id': LoanView;
  'DELETE /loans/:id': null;
  'POST /schedules': Installment[];
  // timeline
  'POST /imports': JobProgress;
  'GET /jobs/:id': JobProgress;
  'GET /jobs': JobProgress[];
  'GET /events': EventView[];
  'POST /events': EventView;
  'GET /collectors': CollectorView[];
  'POST /collectors': { id: number };
  'POST /collectors/unmark': { numbers: string[] };
  'GET /not-collectors': NotCollectorView[];
  'PUT /collectors/:id/loan': CollectorView;
  'GET /contacts': ContactView[];
  'POST /contacts/report': EventView;
  // evidence
  'GET /evidence': { chain: ChainStatus; attachments: StoredAttachmentView[] };
  'POST /evidence': AttachmentView;
  'POST /export/bundle': never;
  'POST /verify': VerifyView;
  // findings
  'GET /findings': FindingView[];
  'GET /findings/cards': FindingsPageView;
  'GET /collectors/:id': CollectorDossierView;
  // documents
  'GET /documents': unknown;
  'POST /documents/preview': unknown;
  'POST /documents/render': never;
  // plan
  'GET /plan/case': PlanCase;
  'GET /budget': BudgetView;
  'PUT /budget': BudgetView;
  'GET /plan/debts': DebtView[];
  'PUT /plan/claims': DebtView;
  'POST /plan': PlanView;
  'POST /plan/adopt': PlanView;
  'GET /plan/payments': PaymentView[];
  'POST /plan/payments': PaymentView;
  'GET /plan/agreements': AgreementView[];
  'POST /plan/agreements': AgreementView;
  'GET /plan/ics': never;
  'POST /plan/negotiation': never;
  // screenshots
  'GET /ocr/taken-at': { taken_at: string | null };
  'POST /ocr/warm': { ok: boolean };
  'PUT /ocr/taken-at': { taken_at: string | null };
  'GET /ocr/review': OcrReviewItemView[];
  'POST /ocr/events/:id/correct': OcrReviewItemView;
  'GET /ocr/screenshot/:sha256': never;
  // follow-up and the evidence report
  'GET /complaints': ComplaintView[];
  'GET /complaints/summary': FollowUpSummary;
  'GET /complaints/options': unknown;
  'POST /complaints': ComplaintView;
  'GET /complaints/ics': never;
  'GET /complaints/:id': ComplaintView;
  'PUT /complaints/:id': ComplaintView;
  'POST /complaints/:id/answer': ComplaintView;
  'GET /complaints/:id/document': never;
  'GET /report': ReportData;
  'GET /report/pdf': never;
}

/** The local app's own routes (its data folder and passphrase): never on the organisation server. */
export interface LocalApiContract {
  'GET /settings': SettingsView;
  'PUT /settings': SettingsView;
  'POST /settings/passphrase': { encrypted: boolean };
  'GET /backup': never;
  'POST /restore': { staged: true };
  'GET /restore-points': RestorePointView[];
  'POST /restore-points/rollback': { staged: true };
}

/** What the organisation server adds to a case (under /api/cases/:caseId): staff notes and tasks, the audit, sharing. */
export interface OrgCaseApiContract {
  'GET /notes': NoteView[];
  'POST /notes': NoteView;
  'PUT /notes/:noteId': NoteView;
  'GET /tasks': TaskView[];
  'POST /tasks': TaskView;
  'PUT /tasks/:taskId': TaskView;
  'GET /audit': AuditEntryView[];
  'GET /share': ShareView;
  'POST /share/revoke': ShareView;
  'PUT /share/consent': ShareView;
  'POST /invite': InviteView;
  'PUT /members': { assigned: CaseListItem['assigned'] };
}

/**
 * The organisation server's own routes, under /api outside any case: sessions, accounts, the case list, the report.
 * Who may call each: docs/roles.md (src/shared/roles.ts).
 */
export interface OrgApiContract {
  'GET /health': { ok: boolean; mode: 'org'; engine: string };
  'POST /auth/login': SessionView;
  'POST /auth/redeem': SessionView;
  'POST /auth/logout': { ok: boolean };
  'GET /auth/me': SessionView & { totp: boolean };
  'POST /auth/password': { ok: boolean };
  'POST /auth/totp/setup': { secret: string; uri: string };
  'POST /auth/totp/confirm': { ok: boolean };
  'GET /org/cases': OrgCaseListItem[];
  'POST /org/cases': InviteView;
  'GET /org/report/lenders': LenderReport;
  'POST /org/import': ImportedCaseView;
  'GET /org/users': UserListItem[];
  'POST /org/users': UserView;
  'PUT /org/users/:userId': UserListItem;
  'GET /org/audit': AuditEntryView[];
}

export type CaseRoute = keyof ApiContract;
export type OrgRoute = keyof OrgApiContract;
export type OrgCaseRoute = keyof OrgCaseApiContract;
export type LocalRoute = keyof LocalApiContract;

/** Every case route and how it answers (a route missing here, or here but not served, fails the contract test). */
export const CASE_ROUTES: Record<CaseRoute, RouteKind> = {
  'GET /overview': 'json',
  'GET /loans': 'json', 'POST /loans': 'json', 'POST /loans/preview': 'json', 'GET /loans/:id': 'json', 'PUT /loans/:id': 'json', 'DELETE /loans/:id': 'json', 'POST /schedules': 'json',
  'POST /imports': 'upload', 'GET /jobs/:id': 'json', 'GET /jobs': 'json', 'GET /events': 'json', 'POST /events': 'json',
  'GET /collectors': 'json', 'POST /collectors': 'json', 'POST /collectors/unmark': 'json', 'GET /not-collectors': 'json', 'PUT /collectors/:id/loan': 'json',
  'GET /contacts': 'json', 'POST /contacts/report': 'json',
  'GET /evidence': 'json', 'POST /evidence': 'upload', 'POST /export/bundle': 'file', 'POST /verify': 'upload',
  'GET /findings': 'json', 'GET /findings/cards': 'json', 'GET /collectors/:id': 'json',
  'GET /documents': 'json', 'POST /documents/preview': 'json', 'POST /documents/render': 'file',
  'GET /plan/case': 'json', 'GET /budget': 'json', 'PUT /budget': 'json', 'GET /plan/debts': 'json', 'PUT /plan/claims': 'json', 'POST /plan': 'json', 'POST /plan/adopt': 'json',
  'GET /plan/payments': 'json', 'POST /plan/payments': 'json', 'GET /plan/agreements': 'json', 'POST /plan/agreements': 'json', 'GET /plan/ics': 'file', 'POST /plan/negotiation': 'file',
  'GET /ocr/taken-at': 'json', 'POST /ocr/warm': 'json', 'PUT /ocr/taken-at': 'json', 'GET /ocr/review': 'json', 'POST /ocr/events/:id/correct': 'json', 'GET /ocr/screenshot/:sha256': 'file',
  'GET /complaints': 'json', 'GET /complaints/summary': 'json', 'GET /complaints/options': 'json', 'POST /complaints': 'json', 'GET /complaints/ics': 'file',
  'GET /complaints/:id': 'json', 'PUT /complaints/:id': 'json', 'POST /complaints/:id/answer': 'json', 'GET /complaints/:id/document': 'file',
  'GET /report': 'json', 'GET /report/pdf': 'file',
};

export const LOCAL_ROUTES: Record<LocalRoute, RouteKind> = {
  'GET /settings': 'json', 'PUT /settings': 'json', 'POST /settings/passphrase': 'json', 'GET /backup': 'file', 'POST /restore': 'upload',
  'GET /restore-points': 'json', 'POST /restore-points/rollback': 'json',
};

export const ORG_ROUTES: Record<OrgRoute, RouteKind> = {
  'GET /health': 'json', 'POST /auth/login': 'json', 'POST /auth/redeem': 'json', 'POST /auth/logout': 'json', 'GET /auth/me': 'json', 'POST /auth/password': 'json',
  'POST /auth/totp/setup': 'json', 'POST /auth/totp/confirm': 'json', 'GET /org/cases': 'json', 'POST /org/cases': 'json', 'GET /org/report/lenders': 'json',
  'POST /org/import': 'upload', 'GET /org/users': 'json', 'POST /org/users': 'json', 'PUT /org/users/:userId': 'json', 'GET /org/audit': 'json',
};

export const ORG_CASE_ROUTES: Record<OrgCaseRoute, RouteKind> = {
  'GET /notes': 'json', 'POST /notes': 'json', 'PUT /notes/:noteId': 'json', 'GET /tasks': 'json', 'POST /tasks': 'json', 'PUT /tasks/:taskId': 'json',
  'GET /audit': 'json', 'GET /share': 'json', 'POST /share/revoke': 'json', 'PUT /share/consent': 'json', 'POST /invite': 'json', 'PUT /members': 'json',
};
