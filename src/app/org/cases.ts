/**
 * Cases on the organisation server (issue 15): the case list per role, new cases with an invite code for the
 * borrower, the borrower's share (revoke, consent to named reporting), assignment, notes and tasks.
 * Authorisation is the caller's (src/app/org/policy.ts through the server's one hook); these functions only act.
 */
import { createHash, randomBytes } from 'node:crypto';
import { DEFAULT_TZ } from '../../domain/time.js';
import * as repo from '../../store/repo.js';
import type { CaseListItem, ImportedCaseView, InviteView, NoteView, ShareView, TaskView } from '../../shared/accounts.js';
import { NewCaseSchema, NoteSchema, RedeemSchema, TaskPatchSchema, TaskSchema } from '../../shared/accounts.js';
import type { AppContext } from '../context.js';
import { importCaseFile } from '../case-transfer.js';
import { caseSummaries, consentedCases, lenderReport, ORG_REPORT_CONSENT as CONSENT_SETTING } from '../org-report.js';
import type { CaseSummary, LenderReport } from '../../shared/org.js';
import { AppError } from '../errors.js';
import { checkAddress, createUser, login, type LoginResult, type OrgApp, type SessionUser } from './accounts.js';

/** The per-case setting the organisation's lender report reads (src/app/org-report.ts): '1' when the borrower consents to be named. */
export { ORG_REPORT_CONSENT as CONSENT_SETTING } from '../org-report.js';
const INVITE_DAYS = 14;
const hashInvite = (code: string) => createHash('sha256').update(code.trim().toUpperCase().replace(/[\s-]/g, '')).digest('hex');

/** The context of one case for the app functions (the same ones the local app calls). */
export async function caseContext(org: OrgApp, caseId: number): Promise<AppContext | null> {
  const c = await repo.getCase(org.store.db, caseId);
  if (!c) return null;
  return { store: org.store, dataDir: org.dataDir, fileKey: org.fileKey, now: org.now, caseId: Number(c.id), tz: c.tz };
}

function newInviteCode(): string {
  // 80 bits, in groups a person can read out on the phone.
  const s = randomBytes(10).toString('hex').toUpperCase();
  return `${s.slice(0, 5)}-${s.slice(5, 10)}-${s.slice(10, 15)}-${s.slice(15)}`;
}

export async function listCasesFor(org: OrgApp, user: SessionUser, all: boolean): Promise<CaseListItem[]> {
  const db = org.store.db;
  let q = db
    .selectFrom('cases')
    .leftJoin('users as owner', 'owner.id', 'cases.owner_user_id')
    .select(['cases.id', 'cases.name', 'cases.created_at', 'owner.username as owner'])
    .orderBy('cases.id');
  if (user.role === 'borrower') q = q.where('cases.owner_user_id', '=', user.id);
  else if (all) q = q.where('cases.id', 'in', db.selectFrom('case_shares').select('case_id'));
  else q = q.where('cases.id', 'in', db.selectFrom('case_members').select('case_id').where('user_id', '=', user.id));
  const rows = await q.execute();
  if (!rows.length) return [];
  const ids = rows.map((r) => Number(r.id));
  const [shares, members] = await Promise.all([
    db.selectFrom('case_shares').select(['case_id', 'revoked_at']).where('case_id', 'in', ids).orderBy('id').execute(),
    db.selectFrom('case_members').innerJoin('users', 'users.id', 'case_members.user_id').select(['case_members.case_id', 'users.username']).where('case_members.case_id', 'in', ids).execute(),
  ]);
  return rows
    .map((r) => {
      const id = Number(r.id);
      const sh = shares.filter((s) => Number(s.case_id) === id);
      const live = sh.some((s) => s.revoked_at === null);
      const revoked = sh.length && !live ? Math.max(...sh.map((s) => Number(s.revoked_at))) : null;
      return { id, name: r.name, created_at: Number(r.created_at), owner: r.owner ?? null, shared: live, revoked_at: revoked, assigned: members.filter((m) => Number(m.case_id) === id).map((m) => m.username) };
    })
    // Staff see a revoked case in the list (so they know it is gone), never its contents.
    .filter((c) => user.role === 'borrower' || c.shared || c.revoked_at !== null);
}

/**
 * The case list with each case's summary (status, next step, findings, collectors' lenders: src/app/org-report.ts);
 * a case whose share was revoked is listed for staff without its summary (its contents are no longer theirs to see).
 */
export async function listCasesWithSummaries(org: OrgApp, user: SessionUser, all: boolean): Promise<(CaseListItem & { summary: CaseSummary | null })[]> {
  const list = await listCasesFor(org, user, all);
  const readable = list.filter((c) => user.role === 'borrower' || c.shared).map((c) => c.id);
  const sums = new Map((await caseSummaries(org.store, readable)).map((s) => [s.case_id, s]));
  return list.map((c) => ({ ...c, summary: sums.get(c.id) ?? null }));
}

/** The per-lender report over the organisation's shared cases; a case is named only where its borrower consented. */
export async function orgLenderReport(org: OrgApp): Promise<LenderReport> {
  const rows = await org.store.db.selectFrom('case_shares').select('case_id').where('revoked_at', 'is', null).execute();
  const ids = [...new Set(rows.map((r) => Number(r.case_id)))].sort((a, b) => a - b);
  return lenderReport(org.store, ids, await consentedCases(org.store, ids));
}

/** A new case for a borrower, shared with the organisation from the start; its creator is assigned; the invite code is shown once. */
export async function createOrgCase(org: OrgApp, user: SessionUser, input: unknown): Promise<InviteView> {
  const b = NewCaseSchema.parse(input);
  const now = org.now();
  const code = newInviteCode();
  const caseId = await org.store.db.transaction().execute(async (trx) => {
    const id = await repo.createCase(trx, b.name, b.tz ?? DEFAULT_TZ, now, null);
    await trx.insertInto('case_shares').values({ case_id: id, source: 'invite', created_by: user.id, created_at: now, invite_hash: hashInvite(code), invite_expires_at: now + INVITE_DAYS * 86400_000, redeemed_at: null, borrower_user_id: null, revoked_at: null, revoked_by: null }).execute();
    await trx.insertInto('case_members').values({ case_id: id, user_id: user.id }).execute();
    return id;
  });
  return { case_id: caseId, invite: code, expires_at: now + INVITE_DAYS * 86400_000 };
}

export type { ImportedCaseView } from '../../shared/accounts.js';

/**
 * An encrypted case export from the local app (src/app/case-transfer.ts) becomes a new case shared with the
 * organisation. Uploaded by its borrower: theirs, waiting for a supervisor to assign it. Uploaded by staff: the
 * uploader is assigned and gets an invite code for the borrower to claim it.
 */
export async function importSharedCase(org: OrgApp, user: SessionUser, path: string, passphrase: string): Promise<ImportedCaseView> {
  const borrower = user.role === 'borrower';
  const now = org.now();
  const r = await importCaseFile(org.store, org.dataDir, path, passphrase, { ownerUserId: borrower ? user.id : null, now, fileKey: org.fileKey });
  const code = borrower ? null : newInviteCode();
  await org.store.db
    .insertInto('case_shares')
    .values({ case_id: r.caseId, source: 'upload', created_by: user.id, created_at: now, invite_hash: code ? hashInvite(code) : null, invite_expires_at: code ? now + INVITE_DAYS * 86400_000 : null, redeemed_at: borrower ? now : null, borrower_user_id: borrower ? user.id : null, revoked_at: null, revoked_by: null })
    .execute();
  if (!borrower) await org.store.db.insertInto('case_members').values({ case_id: r.caseId, user_id: user.id }).execute();
  return { case_id: r.caseId, events: r.events, evidence: r.evidence, attachments: r.attachments, invite: code };
}

/** A fresh invite code for a case the borrower has not claimed yet (the old code stops working). */
export async function renewInvite(org: OrgApp, caseId: number): Promise<InviteView> {
  const now = org.now();
  const code = newInviteCode();
  const r = await org.store.db
    .updateTable('case_shares')
    .set({ invite_hash: hashInvite(code), invite_expires_at: now + INVITE_DAYS * 86400_000 })
    .where('case_id', '=', caseId)
    .where('redeemed_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!Number(r.numUpdatedRows)) throw new AppError('CONFLICT', '这个案件已经有借款人账号了 the borrower has claimed this case already');
  return { case_id: caseId, invite: code, expires_at: now + INVITE_DAYS * 86400_000 };
}

/**
 * The borrower makes their account with the invite code and is logged in. A wrong or used code answers like a
 * wrong login, and counts against the address's limit.
 */
export async function redeemInvite(org: OrgApp, input: unknown, address: string): Promise<LoginResult> {
  const b = RedeemSchema.parse(input);
  await checkAddress(org, address);
  const now = org.now();
  const share = await org.store.db
    .selectFrom('case_shares')
    .select(['id', 'case_id', 'invite_expires_at'])
    .where('invite_hash', '=', hashInvite(b.invite))
    .where('redeemed_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!share || Number(share.invite_expires_at) < now) {
    // Same limit as logins: count the failure under the address (and let login() refuse while it must wait).
    await org.store.db.insertInto('login_attempts').values({ key: `a:${address}`, at: now }).execute();
    throw new AppError('UNAUTHORIZED', '邀请码不对或已过期，请向帮助您的机构要一个新的。The invite code is wrong or expired: ask the organisation for a new one.');
  }
  const user = await createUser(org, { username: b.username, password: b.password, role: 'borrower' });
  await org.store.db.transaction().execute(async (trx) => {
    await trx.updateTable('cases').set({ owner_user_id: user.id }).where('id', '=', Number(share.case_id)).execute();
    await trx.updateTable('case_shares').set({ redeemed_at: now, borrower_user_id: user.id, invite_hash: null }).where('id', '=', Number(share.id)).execute();
  });
  return login(org, { username: b.username, password: b.password }, address);
}

export async function assignCase(org: OrgApp, caseId: number, userId: number, assigned: boolean): Promise<CaseListItem['assigned']> {
  const u = await org.store.db.selectFrom('users').select(['id', 'role', 'disabled']).where('id', '=', userId).executeTakeFirst();
  if (!u || u.role === 'borrower') throw new AppError('BAD_INPUT', '只能分配给工作人员 only staff accounts can be assigned');
  // A disabled account cannot log in: assigning it would only look as if someone worked on the case. Taking it off stays possible.
  if (assigned && u.disabled) throw new AppError('BAD_INPUT', '这个账号已停用，不能分配案件 a disabled account cannot be assigned', { reason: 'disabled' });
  if (assigned) {
    const has = await org.store.db.selectFrom('case_members').select('user_id').where('case_id', '=', caseId).where('user_id', '=', userId).executeTakeFirst();
    if (!has) await org.store.db.insertInto('case_members').values({ case_id: caseId, user_id: userId }).execute();
  } else await org.store.db.deleteFrom('case_members').where('case_id', '=', caseId).where('user_id', '=', userId).execute();
  const rows = await org.store.db.selectFrom('case_members').innerJoin('users', 'users.id', 'case_members.user_id').select('users.username').where('case_members.case_id', '=', caseId).execute();
  return rows.map((r) => r.username);
}

export async function shareView(org: OrgApp, caseId: number): Promise<ShareView> {
  const s = await org.store.db.selectFrom('case_shares').selectAll().where('case_id', '=', caseId).orderBy('id', 'desc').executeTakeFirst();
  const consent = await repo.getSetting(org.store.db, caseId, CONSENT_SETTING);
  return {
    case_id: caseId,
    shared: Boolean(s && s.revoked_at === null),
    source: s?.source ?? null,
    created_at: s ? Number(s.created_at) : null,
    revoked_at: s?.revoked_at == null ? null : Number(s.revoked_at),
    consent: consent === '1',
  };
}

/** The borrower withdraws the case from the organisation: staff lose access at once; the audit log keeps what they did. */
export async function revokeShare(org: OrgApp, user: SessionUser, caseId: number): Promise<ShareView> {
  await org.store.db.updateTable('case_shares').set({ revoked_at: org.now(), revoked_by: user.id, invite_hash: null }).where('case_id', '=', caseId).where('revoked_at', 'is', null).execute();
  // Consent to be named in reports ends with the share.
  await repo.setSetting(org.store.db, caseId, CONSENT_SETTING, '0');
  return shareView(org, caseId);
}

export async function setConsent(org: OrgApp, caseId: number, consent: boolean): Promise<ShareView> {
  await repo.setSetting(org.store.db, caseId, CONSENT_SETTING, consent ? '1' : '0');
  return shareView(org, caseId);
}

// ---------- notes and tasks ----------

export async function listNotes(org: OrgApp, caseId: number): Promise<NoteView[]> {
  const rows = await org.store.db
    .selectFrom('case_notes')
    .innerJoin('users', 'users.id', 'case_notes.author_id')
    .select(['case_notes.id', 'users.username', 'case_notes.text', 'case_notes.created_at', 'case_notes.updated_at'])
    .where('case_notes.case_id', '=', caseId)
    .orderBy('case_notes.id')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), author: r.username, text: r.text, created_at: Number(r.created_at), updated_at: Number(r.updated_at) }));
}

export async function addNote(org: OrgApp, user: SessionUser, caseId: number, input: unknown): Promise<NoteView> {
  const { text } = NoteSchema.parse(input);
  const now = org.now();
  const r = await org.store.db.insertInto('case_notes').values({ case_id: caseId, author_id: user.id, text, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  return { id: Number(r.id), author: user.username, text, created_at: now, updated_at: now };
}

/** Only the author edits a note, and only a note of this case (another case's note id is not found). */
export async function updateNote(org: OrgApp, user: SessionUser, caseId: number, noteId: number, input: unknown): Promise<NoteView> {
  const { text } = NoteSchema.parse(input);
  const n = await org.store.db.selectFrom('case_notes').select(['id', 'author_id']).where('id', '=', noteId).where('case_id', '=', caseId).executeTakeFirst();
  if (!n) throw new AppError('NOT_FOUND', 'no such note');
  if (Number(n.author_id) !== user.id) throw new AppError('FORBIDDEN', '只能修改自己写的备注 you can edit your own notes only');
  await org.store.db.updateTable('case_notes').set({ text, updated_at: org.now() }).where('id', '=', noteId).where('case_id', '=', caseId).execute();
  return (await listNotes(org, caseId)).find((x) => x.id === noteId)!;
}

export async function listTasks(org: OrgApp, caseId: number): Promise<TaskView[]> {
  const rows = await org.store.db
    .selectFrom('case_tasks')
    .innerJoin('users as author', 'author.id', 'case_tasks.author_id')
    .leftJoin('users as assignee', 'assignee.id', 'case_tasks.assignee_id')
    .select(['case_tasks.id', 'case_tasks.title', 'case_tasks.due_on', 'case_tasks.done_at', 'author.username as author', 'assignee.username as assignee', 'case_tasks.created_at'])
    .where('case_tasks.case_id', '=', caseId)
    .orderBy('case_tasks.id')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), title: r.title, due_on: r.due_on, done_at: r.done_at === null ? null : Number(r.done_at), author: r.author, assignee: r.assignee ?? null, created_at: Number(r.created_at) }));
}

async function staffId(org: OrgApp, id: number | null | undefined): Promise<number | null> {
  if (id == null) return null;
  const u = await org.store.db.selectFrom('users').select(['id', 'role']).where('id', '=', id).executeTakeFirst();
  if (!u || u.role === 'borrower') throw new AppError('BAD_INPUT', 'assignee: not a staff account');
  return Number(u.id);
}

export async function addTask(org: OrgApp, user: SessionUser, caseId: number, input: unknown): Promise<TaskView> {
  const b = TaskSchema.parse(input);
  const now = org.now();
  const r = await org.store.db
    .insertInto('case_tasks')
    .values({ case_id: caseId, author_id: user.id, title: b.title, due_on: b.due_on ?? null, done_at: null, assignee_id: await staffId(org, b.assignee_id), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await listTasks(org, caseId)).find((t) => t.id === Number(r.id))!;
}

export async function updateTask(org: OrgApp, caseId: number, taskId: number, input: unknown): Promise<TaskView> {
  const b = TaskPatchSchema.parse(input);
  const t = await org.store.db.selectFrom('case_tasks').select('id').where('id', '=', taskId).where('case_id', '=', caseId).executeTakeFirst();
  if (!t) throw new AppError('NOT_FOUND', 'no such task');
  const set: Record<string, unknown> = { updated_at: org.now() };
  if (b.title !== undefined) set.title = b.title;
  if (b.due_on !== undefined) set.due_on = b.due_on ?? null;
  if (b.assignee_id !== undefined) set.assignee_id = await staffId(org, b.assignee_id);
  if (b.done !== undefined) set.done_at = b.done ? org.now() : null;
  await org.store.db.updateTable('case_tasks').set(set).where('id', '=', taskId).where('case_id', '=', caseId).execute();
  return (await listTasks(org, caseId)).find((x) => x.id === taskId)!;
}
