/**
 * Accounts and sessions of the organisation server (issue 15). Everything lives in the database, not in
 * process memory, so that several app servers behind a load balancer share sessions and the login limits.
 *
 * Sessions: a random 256-bit token in the cookie, only its SHA-256 stored; a new one at every login (a token
 * presented before login is deleted, never promoted: no session fixation); idle expiry (moved by use) and
 * absolute expiry; logout deletes it. The CSRF token is an HMAC of the session token: the page gets it from
 * login or /api/auth/me, and nothing more is stored.
 *
 * Login limits (ASVS 2.2.1): failures are counted per account name (existing or not: the same answer for both)
 * and per address; past a threshold each further failure doubles the wait, up to an hour; a success clears the
 * account's count.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { openStore, type Store } from '../../store/db.js';
import { tightenDataDir } from '../../store/private-fs.js';
import { openFileKey } from '../../store/sealed.js';
import type { Role, SessionView, UserListItem, UserView } from '../../shared/accounts.js';
import { NewUserSchema, PasswordSchema, ROLES, STAFF_ROLES, UserPatchSchema, UsernameSchema } from '../../shared/accounts.js';
import { AppError } from '../errors.js';
import { isSealed, keyFingerprint, loadOrgKey, openSecret, sealSecret } from './org-key.js';
import { hashPassword, totpStep, verifyPassword } from './passwords.js';

/** What the organisation server holds for every request; each request's case context is made from it (caseContext). */
export interface OrgApp {
  store: Store;
  dataDir: string;
  fileKey: Buffer | null;
  /** Seals the TOTP secrets (org-key.ts); unset: HUXUN_ORG_KEY or the data folder's key file, read at first use. */
  orgKey?: Buffer;
  now(): number;
}

const lazyKeys = new WeakMap<OrgApp, Buffer>();
function orgKeyOf(org: OrgApp): Buffer {
  if (org.orgKey) return org.orgKey;
  let k = lazyKeys.get(org);
  if (!k) lazyKeys.set(org, (k = loadOrgKey(org.dataDir)));
  return k;
}

/** `keyMismatches`: accounts whose second factor was sealed with another key than the server's (they cannot log in until it is put back or their two-step login is turned off). */
export async function openOrg(opts: { databaseUrl?: string; dataDir: string; now?: () => number }): Promise<OrgApp & { keyMismatches: number; close(): Promise<void> }> {
  tightenDataDir(opts.dataDir);
  const store = await openStore({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir });
  const fileKey = openFileKey(opts.dataDir, undefined);
  let orgKey: Buffer;
  try {
    // Made on the first start (0600), so that it exists to be backed up before anyone enrols a second factor.
    orgKey = loadOrgKey(opts.dataDir);
  } catch (e) {
    await store.close();
    throw e;
  }
  const org: OrgApp = { store, dataDir: opts.dataDir, fileKey, orgKey, now: opts.now ?? (() => Date.now()) };
  await sealPlainTotpSecrets(org);
  return { ...org, keyMismatches: await totpKeyMismatches(org), close: () => store.close() };
}

/** How many stored second factors were sealed with another key than this server's (told at start, so the admin knows before a login fails). */
export async function totpKeyMismatches(org: OrgApp): Promise<number> {
  const mine = `hxs1:${keyFingerprint(orgKeyOf(org))}:`;
  const rows = await org.store.db.selectFrom('users').select('totp_secret').where('totp_secret', 'is not', null).execute();
  return rows.filter((r) => r.totp_secret && isSealed(r.totp_secret) && !r.totp_secret.startsWith(mine)).length;
}

/**
 * Seals every TOTP secret still stored in the clear (written before the secrets were sealed); each row is changed
 * only if it still holds the value read, so a server starting beside a running one changes nothing twice.
 */
export async function sealPlainTotpSecrets(org: OrgApp): Promise<number> {
  const rows = await org.store.db.selectFrom('users').select(['id', 'totp_secret']).where('totp_secret', 'is not', null).execute();
  let n = 0;
  for (const r of rows) {
    if (!r.totp_secret || isSealed(r.totp_secret)) continue;
    const sealed = sealSecret(orgKeyOf(org), Number(r.id), r.totp_secret);
    const u = await org.store.db.updateTable('users').set({ totp_secret: sealed }).where('id', '=', Number(r.id)).where('totp_secret', '=', r.totp_secret).executeTakeFirst();
    n += Number(u.numUpdatedRows);
  }
  return n;
}

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_MAX_MS = 12 * 3600_000;
/** Failures before the wait starts, per account name and per address. */
export const ACCOUNT_THRESHOLD = 5;
export const ADDRESS_THRESHOLD = 20;
const FAILURE_WINDOW_MS = 24 * 3600_000;
const FIRST_WAIT_MS = 60_000;
const MAX_WAIT_MS = 3600_000;

export interface SessionUser extends UserView {
  totp: boolean;
  /** The password was set by an admin: only changing it (and logging out) is allowed until the owner does. */
  must_change?: boolean;
}

const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');
export const csrfOf = (token: string) => createHmac('sha256', token).update('huxun-csrf').digest('base64url');
const normName = (u: string) => u.normalize('NFC').trim().toLowerCase();
const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

function view(u: { id: number; username: string; role: string }): UserView {
  return { id: Number(u.id), username: u.username, role: isRole(u.role) ? u.role : 'borrower' };
}

// ---------- accounts ----------

/** `mustChange`: the password is the admin's, not the owner's: it must be changed at the first login. */
export async function createUser(org: OrgApp, input: { username: string; password: string; role: Role }, opts: { mustChange?: boolean } = {}): Promise<UserView> {
  const u = NewUserSchema.parse(input);
  const username = normName(u.username);
  const taken = await org.store.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', `用户名已被使用 the username ${username} is taken`, { reason: 'username_taken' });
  const now = org.now();
  const row = await org.store.db
    .insertInto('users')
    .values({ username, password_hash: await hashPassword(u.password), role: u.role, created_at: now, updated_at: now, totp_secret: null, must_change_password: opts.mustChange ? 1 : 0 })
    .returning(['id', 'username', 'role'])
    .executeTakeFirstOrThrow();
  return view(row);
}

/** The one-time setup: refused once any admin exists (never a default password). */
export async function createFirstAdmin(org: OrgApp, username: string, password: string): Promise<UserView> {
  const admin = await org.store.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirst();
  if (admin) throw new AppError('CONFLICT', '已经有管理员账号了：请用它登录后添加账号。An admin account exists already: log in with it to add accounts.');
  return createUser(org, { username, password, role: 'admin' });
}

export async function listUsers(org: OrgApp): Promise<UserListItem[]> {
  const rows = await org.store.db
    .selectFrom('users')
    .select(['id', 'username', 'role', 'disabled', 'totp_secret', 'created_at', 'must_change_password', 'last_login_at'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    ...view(r),
    disabled: Boolean(r.disabled),
    totp: Boolean(r.totp_secret),
    created_at: Number(r.created_at),
    must_change: Boolean(r.must_change_password),
    last_login_at: r.last_login_at == null ? null : Number(r.last_login_at),
  }));
}

const isStaffRole = (r: string) => (STAFF_ROLES as readonly string[]).includes(r);

/**
 * An admin's change to an account (`actor`: who asks; the CLI, run by whoever holds the database, passes none):
 * disable or enable, a new role, a new password (which its owner must change at the next login), the second
 * factor turned off (to enrol again). Refused: disabling oneself or changing one's own role, turning a borrower
 * into staff or staff into a borrower, and leaving the organisation without an active admin. The active admins are
 * locked for the check (PostgreSQL: FOR UPDATE; SQLite writes one at a time), so that two admins disabling each
 * other at the same moment cannot both succeed.
 */
export async function updateUser(org: OrgApp, userId: number, patch: unknown, actor?: { id: number }): Promise<UserListItem> {
  const p = UserPatchSchema.parse(patch);
  const self = actor !== undefined && actor.id === userId;
  if (self && p.disabled === true) throw new AppError('CONFLICT', '不能停用自己正在使用的账号。You cannot disable your own account.', { reason: 'self_disable' });
  if (self && p.role !== undefined && p.role !== 'admin') throw new AppError('CONFLICT', '不能修改自己的角色，请另一位管理员来改。You cannot change your own role: ask another admin.', { reason: 'self_role' });
  const password = p.password === undefined ? undefined : await hashPassword(p.password);
  await org.store.db.transaction().execute(async (trx) => {
    let admins = trx.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled', '=', 0);
    if (org.store.engine === 'postgres') admins = admins.forUpdate();
    const active = (await admins.execute()).map((r) => Number(r.id));
    const target = await trx.selectFrom('users').select(['id', 'role', 'disabled']).where('id', '=', userId).executeTakeFirst();
    if (!target) throw new AppError('NOT_FOUND', '没有这个账号。No such account.');
    if (p.role !== undefined && p.role !== target.role && (!isStaffRole(p.role) || !isStaffRole(target.role))) {
      throw new AppError('BAD_INPUT', '借款人账号和工作人员账号不能互相转换。A borrower account cannot become a staff account, nor the other way round.', { reason: 'role_kind' });
    }
    const leavesAdmins = active.includes(userId) && (p.disabled === true || (p.role !== undefined && p.role !== 'admin'));
    if (leavesAdmins && active.length <= 1) {
      throw new AppError('CONFLICT', '这是最后一个可用的管理员账号，不能停用或改成其他角色：请先让另一个账号成为管理员。This is the last active admin account: make another account an admin first.', { reason: 'last_admin' });
    }
    const set: Record<string, unknown> = { updated_at: org.now() };
    if (p.disabled !== undefined) set.disabled = p.disabled ? 1 : 0;
    if (p.role !== undefined) set.role = p.role;
    if (password !== undefined) {
      set.password_hash = password;
      // A password someone else chose is a temporary one; one's own is not.
      set.must_change_password = self ? 0 : 1;
    }
    if (p.totp === false) {
      set.totp_secret = null;
      set.totp_last_step = null;
    }
    await trx.updateTable('users').set(set).where('id', '=', userId).execute();
    // A disabled account, a new role, a reset password or second factor ends its sessions at once.
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  });
  return (await listUsers(org)).find((u) => u.id === userId)!;
}

export async function findUser(org: OrgApp, username: string): Promise<UserView | null> {
  const r = await org.store.db.selectFrom('users').select(['id', 'username', 'role']).where('username', '=', normName(username)).executeTakeFirst();
  return r ? view(r) : null;
}

export async function changePassword(org: OrgApp, userId: number, current: string, password: string): Promise<void> {
  PasswordSchema.parse(password);
  const r = await org.store.db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
  if (!(await verifyPassword(r?.password_hash ?? null, current))) throw new AppError('UNAUTHORIZED', '当前密码不对 the current password is wrong', { reason: 'wrong_current' });
  // A temporary password the admin set is replaced by one only its owner knows.
  if (password.normalize('NFC') === current.normalize('NFC')) throw new AppError('BAD_INPUT', '新密码不能和现在的密码一样 the new password must differ from the current one', { reason: 'same_password' });
  await org.store.db.updateTable('users').set({ password_hash: await hashPassword(password), must_change_password: 0, updated_at: org.now() }).where('id', '=', userId).execute();
  await org.store.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Enrols (or removes) the second factor; `usedStep`: the step of the code that confirmed it, which is then spent. */
export async function setTotp(org: OrgApp, userId: number, secret: string | null, usedStep: number | null = null): Promise<void> {
  const stored = secret === null ? null : sealSecret(orgKeyOf(org), userId, secret);
  await org.store.db.updateTable('users').set({ totp_secret: stored, totp_last_step: usedStep, updated_at: org.now() }).where('id', '=', userId).execute();
}

/** Records `step` as the account's last used TOTP step, if it is later than the last one; false if it is not. */
async function claimTotpStep(org: OrgApp, userId: number, step: number): Promise<boolean> {
  const r = await org.store.db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---------- login limits ----------

/** When the key may try again (epoch ms), or 0. */
async function blockedUntil(org: OrgApp, key: string, threshold: number, now: number): Promise<number> {
  const r = await org.store.db
    .selectFrom('login_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('last')])
    .where('key', '=', key)
    .where('at', '>', now - FAILURE_WINDOW_MS)
    .executeTakeFirst();
  const n = Number(r?.n ?? 0);
  if (n < threshold) return 0;
  const wait = Math.min(FIRST_WAIT_MS * 2 ** Math.min(n - threshold, 20), MAX_WAIT_MS);
  return Number(r?.last ?? 0) + wait;
}

async function recordFailure(org: OrgApp, keys: string[], now: number): Promise<void> {
  await org.store.db.insertInto('login_attempts').values(keys.map((key) => ({ key, at: now }))).execute();
  await org.store.db.deleteFrom('login_attempts').where('at', '<', now - FAILURE_WINDOW_MS).execute();
}

const BAD_LOGIN = '用户名或密码不对。the username or password is wrong';

function rateLimited(until: number, now: number): AppError {
  const s = Math.ceil((until - now) / 1000);
  return new AppError('RATE_LIMITED', `尝试次数太多，请 ${s} 秒后再试。Too many attempts: try again in ${s} s.`, { retry_after_s: s });
}

/** Throws 429 while an address must wait (redeeming invite codes shares the address limit with logins). */
export async function checkAddress(org: OrgApp, address: string): Promise<void> {
  const now = org.now();
  const until = await blockedUntil(org, `a:${address}`, ADDRESS_THRESHOLD, now);
  if (until > now) throw rateLimited(until, now);
}

// ---------- sessions ----------

export interface LoginResult extends SessionView {
  /** The cookie's value: the only copy of the token. */
  token: string;
}

/**
 * Logs in: the same answer (401 BAD_LOGIN) for an unknown account, a wrong password, a disabled account or a wrong
 * second factor; 429 while the account name or the address must wait. `previousToken` (a cookie sent with the
 * login) is deleted: the session after login is always a new one.
 */
export async function login(org: OrgApp, input: { username: string; password: string; totp?: string }, address: string, previousToken?: string): Promise<LoginResult> {
  const now = org.now();
  const name = normName(input.username);
  const keys = [`u:${name}`, `a:${address}`];
  const until = Math.max(await blockedUntil(org, keys[0]!, ACCOUNT_THRESHOLD, now), await blockedUntil(org, keys[1]!, ADDRESS_THRESHOLD, now));
  if (until > now) throw rateLimited(until, now);
  const u = await org.store.db.selectFrom('users').selectAll().where('username', '=', name).executeTakeFirst();
  let ok = await verifyPassword(u?.password_hash ?? null, input.password);
  if (ok && u && u.disabled) ok = false;
  if (ok && u?.totp_secret) {
    if (!input.totp) {
      // The password was right: ask for the code (counted as a failure, so that this answer cannot be used to guess passwords without limit).
      await recordFailure(org, keys, now);
      throw new AppError('UNAUTHORIZED', '请输入验证器应用上的 6 位验证码。Enter the 6-digit code from your authenticator app.', { totp_required: true });
    }
    // A code is accepted once: its step must come after the last one used, claimed in one update so that two
    // logins racing with the same code cannot both win.
    // A secret that does not open (not the key it was sealed with) is the server's fault, not the user's: a clear
    // error for the admin, not counted as a failure.
    const secret = openSecret(orgKeyOf(org), Number(u.id), u.totp_secret);
    const step = totpStep(secret, input.totp, now);
    ok = step !== null && (await claimTotpStep(org, Number(u.id), step));
    if (ok && !isSealed(u.totp_secret)) {
      await org.store.db.updateTable('users').set({ totp_secret: sealSecret(orgKeyOf(org), Number(u.id), secret) }).where('id', '=', Number(u.id)).where('totp_secret', '=', u.totp_secret).execute();
    }
  }
  if (!ok || !u) {
    await recordFailure(org, keys, now);
    throw new AppError('UNAUTHORIZED', BAD_LOGIN);
  }
  await org.store.db.deleteFrom('login_attempts').where('key', '=', keys[0]!).execute();
  await org.store.db.updateTable('users').set({ last_login_at: now }).where('id', '=', Number(u.id)).execute();
  if (previousToken) await logout(org, previousToken);
  const token = randomBytes(32).toString('base64url');
  await org.store.db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), user_id: Number(u.id), created_at: now, last_seen_at: now, idle_expires_at: now + SESSION_IDLE_MS, expires_at: now + SESSION_MAX_MS })
    .execute();
  await org.store.db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  return { token, user: view(u), csrf: csrfOf(token), must_change: Boolean(u.must_change_password) };
}

/** The user of a live session, or null (unknown, expired, idle too long, or the account disabled). Use moves the idle expiry. */
export async function sessionUser(org: OrgApp, token: string | undefined): Promise<SessionUser | null> {
  if (!token || token.length > 100) return null;
  const now = org.now();
  const h = hashToken(token);
  const r = await org.store.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.username', 'users.role', 'users.disabled', 'users.totp_secret', 'users.must_change_password', 'sessions.expires_at', 'sessions.idle_expires_at', 'sessions.last_seen_at'])
    .where('sessions.token_hash', '=', h)
    .executeTakeFirst();
  if (!r) return null;
  if (r.disabled || now >= Number(r.expires_at) || now >= Number(r.idle_expires_at)) {
    await org.store.db.deleteFrom('sessions').where('token_hash', '=', h).execute();
    return null;
  }
  // One write a minute at most per session: browsing does not turn every read into a write.
  if (now - Number(r.last_seen_at) >= 60_000) {
    await org.store.db.updateTable('sessions').set({ last_seen_at: now, idle_expires_at: Math.min(now + SESSION_IDLE_MS, Number(r.expires_at)) }).where('token_hash', '=', h).execute();
  }
  return { ...view(r), totp: Boolean(r.totp_secret), must_change: Boolean(r.must_change_password) };
}

export async function logout(org: OrgApp, token: string): Promise<void> {
  await org.store.db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

export { UsernameSchema };
