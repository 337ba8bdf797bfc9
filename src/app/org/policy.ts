/**
 * Who may do what on the organisation server: the one place the code decides it (docs/roles.md is the same
 * matrix in words). Every case route of the server passes through authorize() before its handler runs.
 *
 * A rule is checked against facts about the user and the case:
 *  - owner: the borrower whose case it is (cases.owner_user_id);
 *  - member: assigned to the case (case_members), and the case is shared with the organisation;
 *  - shared: the case is shared with the organisation (a case_shares row the borrower has not revoked).
 * Revoking the share removes every staff rule at once; the borrower keeps their own case.
 */
import type { Role } from '../../shared/accounts.js';
import { AppError } from '../errors.js';
import type { OrgApp, SessionUser } from './accounts.js';

export type Rule = 'always' | 'owner' | 'member' | 'shared' | 'never';

export const ACTIONS = [
  'case.read',
  'case.write',
  'case.notes.read',
  'case.notes.write',
  'case.tasks.read',
  'case.tasks.write',
  'case.audit',
  'case.share.revoke',
  'case.consent',
  'case.invite',
  'case.assign',
  'case.create',
  'case.import',
  'org.cases.all',
  'org.users.list',
  'org.users.manage',
  'org.audit',
  'org.report',
] as const;
export type Action = (typeof ACTIONS)[number];

const r = (borrower: Rule, caseworker: Rule, supervisor: Rule, admin: Rule): Record<Role, Rule> => ({ borrower, caseworker, supervisor, admin });

/** The role matrix. Admins manage accounts; they see a case's contents only when assigned to it, like a caseworker. */
export const MATRIX: Record<Action, Record<Role, Rule>> = {
  'case.read': r('owner', 'member', 'shared', 'member'),
  'case.write': r('owner', 'member', 'shared', 'member'),
  // Staff's working notes stay with the staff; tasks are shown to the borrower (what is being done for them).
  'case.notes.read': r('never', 'member', 'shared', 'member'),
  'case.notes.write': r('never', 'member', 'shared', 'member'),
  'case.tasks.read': r('owner', 'member', 'shared', 'member'),
  'case.tasks.write': r('never', 'member', 'shared', 'member'),
  // What staff did with the case: the borrower and the supervisors.
  'case.audit': r('owner', 'never', 'shared', 'never'),
  'case.share.revoke': r('owner', 'never', 'never', 'never'),
  'case.consent': r('owner', 'never', 'never', 'never'),
  'case.invite': r('never', 'member', 'shared', 'never'),
  'case.assign': r('never', 'never', 'shared', 'never'),
  'case.create': r('never', 'always', 'always', 'never'),
  // An encrypted case export from the local app becomes a new case: a borrower's own, or one staff received.
  'case.import': r('always', 'always', 'always', 'never'),
  'org.cases.all': r('never', 'never', 'always', 'never'),
  'org.users.list': r('never', 'never', 'always', 'always'),
  'org.users.manage': r('never', 'never', 'never', 'always'),
  'org.audit': r('never', 'never', 'always', 'never'),
  'org.report': r('never', 'never', 'always', 'never'),
};

export interface CaseFacts {
  exists: boolean;
  owner: boolean;
  member: boolean;
  shared: boolean;
}

/** Pure: may a user with these facts do the action? */
export function allowed(role: Role, action: Action, f: CaseFacts | null): boolean {
  const rule = MATRIX[action][role];
  if (rule === 'always') return true;
  if (rule === 'never' || !f || !f.exists) return false;
  if (rule === 'owner') return f.owner;
  if (rule === 'shared') return f.shared;
  return f.member && f.shared;
}

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

export const isStaff = (role: Role) => role !== 'borrower';

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
