/**
 * The account rules the server enforces (src/shared/accounts.ts builds its schemas from them) that the web page also
 * checks before it asks, without zod: the roles, the staff roles, the password length, the username pattern.
 */
export const ROLES = ['borrower', 'caseworker', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ['caseworker', 'supervisor', 'admin'] as const;

/** ASVS 2.1.1/2.1.2: at least 12 characters, at most 128; any characters (Chinese too). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/** 3–64 letters, digits, dot, dash, underscore; compared in lower case. */
export const USERNAME_RE = /^[A-Za-z0-9._-]{3,64}$/;
