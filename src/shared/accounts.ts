/**
 * Requests and answers of the organisation server's accounts, sessions, cases, notes, tasks and audit (issue 15),
 * shared by the routes and the web client. Who may do what: docs/roles.md, enforced by src/app/org/policy.ts.
 */
import { z } from 'zod';
import type { CaseSummary } from './org.js';

import { PASSWORD_MAX, PASSWORD_MIN, ROLES, type Role } from './account-rules.js';

export { PASSWORD_MAX, PASSWORD_MIN, ROLES, STAFF_ROLES, USERNAME_RE, type Role } from './account-rules.js';

/** 3–64 letters, digits, dot, dash, underscore; compared in lower case. */
export const UsernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, '用户名只能用字母、数字和 . _ - only letters, digits and . _ -');

/** ASVS 2.1.1/2.1.2 (account-rules.ts; the web form checks the same numbers). */
export const PasswordSchema = z.string().min(PASSWORD_MIN, '密码至少 12 个字符 at least 12 characters').max(PASSWORD_MAX, '密码最多 128 个字符 at most 128 characters');

export const LoginSchema = z.object({
  username: z.string().max(64),
  password: z.string().max(128),
  totp: z.string().regex(/^\d{6}$/).optional(),
});

export interface UserView {
  id: number;
  username: string;
  role: Role;
}

/**
 * POST /api/auth/login, GET /api/auth/me: the user, and the token every change must carry in x-csrf-token.
 * `must_change`: the password was set by an admin; until its owner changes it (POST /api/auth/password) every other
 * route answers 403 PASSWORD_CHANGE.
 */
export interface SessionView {
  user: UserView;
  csrf: string;
  must_change: boolean;
}

export interface UserListItem extends UserView {
  disabled: boolean;
  totp: boolean;
  created_at: number;
  /** The password is one an admin set: its owner has not changed it yet. */
  must_change: boolean;
  /** Epoch ms of the last login; null: none recorded. */
  last_login_at: number | null;
}

export const NewUserSchema = z.object({ username: UsernameSchema, password: PasswordSchema, role: z.enum(ROLES) });
/** PUT /api/org/users/:userId (admin). `totp: false` turns the second factor off, so that its owner enrols again. */
export const UserPatchSchema = z.object({ disabled: z.boolean().optional(), role: z.enum(ROLES).optional(), password: PasswordSchema.optional(), totp: z.literal(false).optional() });
export const PasswordChangeSchema = z.object({ current: z.string().max(128), password: PasswordSchema });
export const TotpConfirmSchema = z.object({ secret: z.string().regex(/^[A-Z2-7]{32}$/), code: z.string().regex(/^\d{6}$/) });

/** Staff open a case for a borrower; the invite code (shown once) lets the borrower make their account. */
export const NewCaseSchema = z.object({ name: z.string().trim().min(1).max(100), tz: z.string().max(64).optional() });
export const RedeemSchema = z.object({ invite: z.string().trim().min(8).max(64), username: UsernameSchema, password: PasswordSchema });
export const AssignSchema = z.object({ user_id: z.number().int().positive(), assigned: z.boolean() });
export const ConsentSchema = z.object({ consent: z.boolean() });

export interface InviteView {
  case_id: number;
  /** Shown once; only its hash is stored. */
  invite: string;
  expires_at: number;
}

export interface CaseListItem {
  id: number;
  name: string;
  created_at: number;
  owner: string | null;
  shared: boolean;
  revoked_at: number | null;
  assigned: string[];
}

/** GET /api/org/cases: a case of the list with its summary (null where the user may not read the case). */
export type OrgCaseListItem = CaseListItem & { summary: CaseSummary | null };

/** POST /api/org/import: the case an encrypted export became. */
export interface ImportedCaseView {
  case_id: number;
  events: number;
  evidence: number;
  attachments: number;
  /** Staff uploads: the code the borrower claims the case with (shown once). A borrower's own upload has none. */
  invite: string | null;
}

export interface ShareView {
  case_id: number;
  shared: boolean;
  source: string | null;
  created_at: number | null;
  revoked_at: number | null;
  consent: boolean;
}

export const NoteSchema = z.object({ text: z.string().trim().min(1).max(10_000) });
export interface NoteView {
  id: number;
  author: string;
  text: string;
  created_at: number;
  updated_at: number;
}

export const TaskSchema = z.object({
  title: z.string().trim().min(1).max(500),
  due_on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish(),
  assignee_id: z.number().int().positive().nullish(),
});
export const TaskPatchSchema = TaskSchema.partial().extend({ done: z.boolean().optional() });
export interface TaskView {
  id: number;
  title: string;
  due_on: string | null;
  done_at: number | null;
  author: string;
  assignee: string | null;
  created_at: number;
}

export interface AuditEntryView {
  id: number;
  case_id: number | null;
  user: string | null;
  role: string | null;
  at: number;
  action: string;
  method: string;
  route: string;
  target: string | null;
}
