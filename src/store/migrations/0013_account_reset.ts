/**
 * Issue 15, accounts managed in the browser: a password an admin set (a new account, a reset) must be changed by its
 * owner at the next login (must_change_password, 1 until they do), and the accounts page shows when each account
 * last logged in (last_login_at, epoch ms; null: never since this migration). Additive only.
 *
 * The TOTP secrets are sealed with the server's key (src/app/org/org-key.ts) in the same column, with a marker, as
 * they are written or when the server starts: no column is needed for that, and a migration cannot do it (it has
 * no key).
 */
import { type Kysely, type Migration, sql } from 'kysely';

export function accountResetMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      await sql`alter table users add column must_change_password integer not null default 0`.execute(db);
      await sql`alter table users add column last_login_at bigint`.execute(db);
    },
  };
}
