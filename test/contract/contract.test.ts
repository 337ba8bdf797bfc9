/**
 * One contract between server and web (issue 15): src/shared/contract.ts lists every route of a case and what it
 * answers. Two checks make a drift fail `npm test`:
 * - at run time, the routes the local app and the organisation server really register are exactly the contract's
 *   (a route added, removed or renamed on one side only fails here);
 * - at type-check time (tsc runs over test/), what each app function behind a route returns must be assignable to
 *   the contract's answer, which is also the type the web client gets (web/src/api/typed.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { openApp } from '../../src/app/context.js';
import { buildServer } from '../../src/server/app.js';
import { CASE_ROUTES, LOCAL_ROUTES, ORG_CASE_ROUTES, ORG_ROUTES, type ApiContract, type LocalApiContract, type OrgApiContract, type OrgCaseApiContract } from '../../src/shared/contract.js';
import type * as orgAccounts from '../../src/app/org/accounts.js';
import type * as orgCases from '../../src/app/org/cases.js';
import type * as orgAudit from '../../src/app/org/audit.js';
import { orgHarness } from '../support/org.js';
import type * as loans from '../../src/app/loans.js';
import type * as timeline from '../../src/app/timeline.js';
import type * as jobs from '../../src/app/jobs.js';
import type * as attachments from '../../src/app/attachments.js';
import type * as evidence from '../../src/app/evidence.js';
import type * as bundle from '../../src/app/bundle.js';
import type * as findings from '../../src/app/findings.js';
import type * as dossier from '../../src/app/dossier.js';
import type * as plan from '../../src/app/plan.js';
import type * as ocr from '../../src/app/ocr.js';
import type * as followup from '../../src/app/followup.js';
import type * as report from '../../src/app/report.js';
import type * as overview from '../../src/app/overview.js';
import type * as settings from '../../src/app/settings.js';
import type * as restore from '../../src/app/restore.js';

type Out<F extends (...a: never[]) => unknown> = Awaited<ReturnType<F>>;

const keysOf = (routes: { method: string | string[]; url: string }[], prefix: string): string[] =>
  routes
    .flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).map((m) => ({ m, url: r.url })))
    .filter(({ m, url }) => m !== 'HEAD' && url.startsWith(prefix))
    .map(({ m, url }) => `${m} ${url.slice(prefix.length) || '/'}`)
    .sort();

describe('the API contract (src/shared/contract.ts)', () => {
  it('the local app serves exactly the contract routes (plus health and unlock)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'huxun-contract-'));
    const opened = await openApp({ dataDir });
    const seen: { method: string | string[]; url: string }[] = [];
    const app = await buildServer(opened.ctx, { onRoute: (r) => seen.push(r) });
    try {
      const served = keysOf(seen, '/api').filter((k) => k !== 'GET /health' && k !== 'POST /unlock');
      expect(served).toEqual([...Object.keys(CASE_ROUTES), ...Object.keys(LOCAL_ROUTES)].sort());
    } finally {
      await app.close();
      await opened.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('the organisation server serves exactly the contract routes (for a case, and its own), and none of the local-only ones', async () => {
    const seen: { method: string | string[]; url: string }[] = [];
    const h = await orgHarness({ onRoute: (r) => seen.push(r) });
    try {
      expect(keysOf(seen, '/api/cases/:caseId')).toEqual([...Object.keys(CASE_ROUTES), ...Object.keys(ORG_CASE_ROUTES)].sort());
      const all = keysOf(seen, '/api');
      for (const local of Object.keys(LOCAL_ROUTES)) expect(all).not.toContain(local);
      // Its own routes outside a case (sessions, accounts, the case list, the report) are the contract's too.
      expect(all.filter((k) => !k.includes(' /cases/:caseId'))).toEqual(Object.keys(ORG_ROUTES).sort());
    } finally {
      await h.cleanup();
    }
  });

  it('what the app functions behind the routes return is what the contract (and so the web) expects', () => {
    // Checked by the type check; at run time this only confirms the file compiled with every assertion in it.
    expectTypeOf<Out<typeof overview.overview>>().toExtend<ApiContract['GET /overview']>();
    expectTypeOf<Out<typeof loans.listLoans>>().toExtend<ApiContract['GET /loans']>();
    expectTypeOf<Out<typeof loans.addLoan>>().toExtend<ApiContract['POST /loans']>();
    expectTypeOf<ReturnType<typeof loans.previewLoan>>().toExtend<ApiContract['POST /loans/preview']>();
    expectTypeOf<Out<typeof loans.showLoan>>().toExtend<ApiContract['GET /loans/:id']>();
    expectTypeOf<Out<typeof loans.updateLoan>>().toExtend<ApiContract['PUT /loans/:id']>();
    expectTypeOf<ReturnType<typeof loans.scheduleFromSpec>>().toExtend<ApiContract['POST /schedules']>();
    expectTypeOf<Out<typeof jobs.startUploadImport>>().toExtend<ApiContract['POST /imports']>();
    expectTypeOf<Out<typeof jobs.jobStatus>>().toExtend<ApiContract['GET /jobs/:id']>();
    expectTypeOf<Out<typeof jobs.listImportJobs>>().toExtend<ApiContract['GET /jobs']>();
    expectTypeOf<Out<typeof timeline.queryEvents>>().toExtend<ApiContract['GET /events']>();
    expectTypeOf<Out<typeof timeline.addManualEvent>>().toExtend<ApiContract['POST /events']>();
    expectTypeOf<Out<typeof timeline.listCollectorsView>>().toExtend<ApiContract['GET /collectors']>();
    expectTypeOf<{ id: Out<typeof timeline.markCollector> }>().toExtend<ApiContract['POST /collectors']>();
    expectTypeOf<Out<typeof timeline.unmarkCollector>>().toExtend<ApiContract['POST /collectors/unmark']>();
    expectTypeOf<Out<typeof timeline.listNotCollectors>>().toExtend<ApiContract['GET /not-collectors']>();
    expectTypeOf<Out<typeof timeline.setCollectorLoan>>().toExtend<ApiContract['PUT /collectors/:id/loan']>();
    expectTypeOf<Out<typeof timeline.listContactsView>>().toExtend<ApiContract['GET /contacts']>();
    expectTypeOf<Out<typeof timeline.reportContact>>().toExtend<ApiContract['POST /contacts/report']>();
    expectTypeOf<{ chain: Out<typeof evidence.checkChain>; attachments: Out<typeof attachments.listAttachmentViews> }>().toExtend<ApiContract['GET /evidence']>();
    expectTypeOf<Out<typeof attachments.addAttachment>>().toExtend<ApiContract['POST /evidence']>();
    expectTypeOf<Out<typeof bundle.verifyBundleFile>>().toExtend<ApiContract['POST /verify']>();
    expectTypeOf<Out<typeof findings.listFindings>>().toExtend<ApiContract['GET /findings']>();
    expectTypeOf<Out<typeof findings.findingsPage>>().toExtend<ApiContract['GET /findings/cards']>();
    expectTypeOf<Out<typeof dossier.collectorDossierView>>().toExtend<ApiContract['GET /collectors/:id']>();
    expectTypeOf<Out<typeof plan.planCase>>().toExtend<ApiContract['GET /plan/case']>();
    expectTypeOf<Out<typeof plan.getBudget>>().toExtend<ApiContract['GET /budget']>();
    expectTypeOf<Out<typeof plan.setBudget>>().toExtend<ApiContract['PUT /budget']>();
    expectTypeOf<Out<typeof plan.listDebts>>().toExtend<ApiContract['GET /plan/debts']>();
    expectTypeOf<Out<typeof plan.setClaim>>().toExtend<ApiContract['PUT /plan/claims']>();
    expectTypeOf<Out<typeof plan.makePlan>>().toExtend<ApiContract['POST /plan']>();
    expectTypeOf<Out<typeof plan.adoptPlan>>().toExtend<ApiContract['POST /plan/adopt']>();
    expectTypeOf<Out<typeof plan.listPayments>>().toExtend<ApiContract['GET /plan/payments']>();
    expectTypeOf<Out<typeof plan.addPayment>>().toExtend<ApiContract['POST /plan/payments']>();
    expectTypeOf<Out<typeof plan.listAgreements>>().toExtend<ApiContract['GET /plan/agreements']>();
    expectTypeOf<Out<typeof plan.addAgreement>>().toExtend<ApiContract['POST /plan/agreements']>();
    expectTypeOf<Out<typeof ocr.getScreenshotDate>>().toExtend<ApiContract['GET /ocr/taken-at']>();
    expectTypeOf<Out<typeof ocr.setScreenshotDate>>().toExtend<ApiContract['PUT /ocr/taken-at']>();
    expectTypeOf<Out<typeof followup.listComplaints>>().toExtend<ApiContract['GET /complaints']>();
    expectTypeOf<Out<typeof followup.followUpSummary>>().toExtend<ApiContract['GET /complaints/summary']>();
    expectTypeOf<Out<typeof followup.addComplaint>>().toExtend<ApiContract['POST /complaints']>();
    expectTypeOf<Out<typeof followup.getComplaint>>().toExtend<ApiContract['GET /complaints/:id']>();
    expectTypeOf<Out<typeof followup.updateFollowUp>>().toExtend<ApiContract['PUT /complaints/:id']>();
    expectTypeOf<Out<typeof followup.answerComplaint>>().toExtend<ApiContract['POST /complaints/:id/answer']>();
    expectTypeOf<Out<typeof report.evidenceReport>>().toExtend<ApiContract['GET /report']>();
    expectTypeOf<Out<typeof settings.getSettings>>().toExtend<LocalApiContract['GET /settings']>();
    expectTypeOf<Out<typeof settings.updateSettings>>().toExtend<LocalApiContract['PUT /settings']>();
    expectTypeOf<Out<typeof settings.setPassphrase>>().toExtend<LocalApiContract['POST /settings/passphrase']>();
    expectTypeOf<Out<typeof restore.stageRestore>>().toExtend<LocalApiContract['POST /restore']>();
    expectTypeOf<Out<typeof restore.stageRollback>>().toExtend<LocalApiContract['POST /restore-points/rollback']>();
    expectTypeOf<Out<typeof orgCases.listNotes>>().toExtend<OrgCaseApiContract['GET /notes']>();
    expectTypeOf<Out<typeof orgCases.addNote>>().toExtend<OrgCaseApiContract['POST /notes']>();
    expectTypeOf<Out<typeof orgCases.updateNote>>().toExtend<OrgCaseApiContract['PUT /notes/:noteId']>();
    expectTypeOf<Out<typeof orgCases.listTasks>>().toExtend<OrgCaseApiContract['GET /tasks']>();
    expectTypeOf<Out<typeof orgCases.addTask>>().toExtend<OrgCaseApiContract['POST /tasks']>();
    expectTypeOf<Out<typeof orgCases.updateTask>>().toExtend<OrgCaseApiContract['PUT /tasks/:taskId']>();
    expectTypeOf<Out<typeof orgAudit.listAudit>>().toExtend<OrgCaseApiContract['GET /audit']>();
    expectTypeOf<Out<typeof orgCases.shareView>>().toExtend<OrgCaseApiContract['GET /share']>();
    expectTypeOf<Out<typeof orgCases.revokeShare>>().toExtend<OrgCaseApiContract['POST /share/revoke']>();
    expectTypeOf<Out<typeof orgCases.setConsent>>().toExtend<OrgCaseApiContract['PUT /share/consent']>();
    expectTypeOf<Out<typeof orgCases.renewInvite>>().toExtend<OrgCaseApiContract['POST /invite']>();
    expectTypeOf<{ assigned: Out<typeof orgCases.assignCase> }>().toExtend<OrgCaseApiContract['PUT /members']>();
    expectTypeOf<Omit<Out<typeof orgAccounts.login>, 'token'>>().toExtend<OrgApiContract['POST /auth/login']>();
    expectTypeOf<Out<typeof orgAccounts.listUsers>>().toExtend<OrgApiContract['GET /org/users']>();
    expectTypeOf<Out<typeof orgAccounts.createUser>>().toExtend<OrgApiContract['POST /org/users']>();
    expectTypeOf<Out<typeof orgAccounts.updateUser>>().toExtend<OrgApiContract['PUT /org/users/:userId']>();
    expectTypeOf<Out<typeof orgCases.listCasesWithSummaries>>().toExtend<OrgApiContract['GET /org/cases']>();
    expectTypeOf<Out<typeof orgCases.createOrgCase>>().toExtend<OrgApiContract['POST /org/cases']>();
    expectTypeOf<Out<typeof orgCases.orgLenderReport>>().toExtend<OrgApiContract['GET /org/report/lenders']>();
    expectTypeOf<Out<typeof orgCases.importSharedCase>>().toExtend<OrgApiContract['POST /org/import']>();
    expectTypeOf<Out<typeof orgAudit.listAudit>>().toExtend<OrgApiContract['GET /org/audit']>();
    // And the check can fail: a shape the contract does not promise is refused.
    expectTypeOf<{ next: string }>().not.toExtend<ApiContract['GET /overview']>();
    expect(Object.keys(CASE_ROUTES).length).toBeGreaterThan(50);
  });
});
