/**
 * Who may do what on the organisation server: the role matrix (docs/roles.md is the same matrix in words). It lives
 * here, in src/shared, so that the server decides with it (src/app/org/policy.ts authorize) and the web page offers
 * only what a role may do with the very same table, never a copy of it.
 *
 * A rule is checked against facts about the user and the case:
 *  - owner: the borrower whose case it is (cases.owner_user_id);
 *  - member: assigned to the case (case_members), and the case is shared with the organisation;
 *  - shared: the case is shared with the organisation (a case_shares row the borrower has not revoked).
 * Revoking the share removes every staff rule at once; the borrower keeps their own case.
 */
import type { Role } from './account-rules.js';

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

/** May the role ever do the action (on some case)? What a page offers at all; the server still decides per case. */
export function mayEver(role: Role, action: Action): boolean {
  return MATRIX[action][role] !== 'never';
}

export const isStaff = (role: Role) => role !== 'borrower';
