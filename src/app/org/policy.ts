/**
 * Who may do what on the organisation server: the one place the server decides it. The matrix itself is
 * src/shared/roles.ts (shared with the web page, which offers only what a role may do); docs/roles.md is the same
 * matrix in words. Every case route of the server passes through authorize() before its handler runs.
 */
import { allowed, type Action, type CaseFacts } from '../../shared/roles.js';
import { AppError } from '../errors.js';
import type { OrgApp, SessionUser } from './accounts.js';

export { ACTIONS, allowed, isStaff, MATRIX, mayEver, type Action, type CaseFacts, type Rule } from '../../shared/roles.js';

export async function caseFacts(org: OrgApp, userId: number, caseId: number): Promise<CaseFacts> {
  const db = org.store.db;
  const c = await db.selectFrom('cases').select(['id', 'owner_user_id']).where('id', '=', caseId).executeTakeFirst();
  if (!c) return { exists: false, owner: false, member: false, shared: false };
  const [m, s] = await Promise.all([
    db.selectFrom('case_members').select('user_id').where('case_id', '=', caseId).where('user_id', '=', userId).executeTakeFirst(),
    db.selectFrom('case_shares').select('id').where('case_id', '=', caseId).where('revoked_at', 'is', null).executeTakeFirst(),
  ]);
  return { exists: true, owner: c.owner_user_id !== null && Number(c.owner_user_id) === userId, member: Boolean(m), shared: Boolean(s) };
}

/**
 * Throws unless the user may do the action (on the case, for case actions). A case the user may not see answers
 * 404, the same as a case that does not exist: ids of other cases tell nothing.
 */
export async function authorize(org: OrgApp, user: SessionUser, action: Action, caseId?: number): Promise<void> {
  const facts = caseId === undefined ? null : await caseFacts(org, user.id, caseId);
  if (allowed(user.role, action, facts)) return;
  if (caseId !== undefined && !allowed(user.role, 'case.read', facts) && !allowed(user.role, 'case.tasks.read', facts)) {
    throw new AppError('NOT_FOUND', '没有这个案件 no such case');
  }
  throw new AppError('FORBIDDEN', '您的账号不能做这件事 your account may not do this');
}
