/**
 * The organisation server (issue 15): many users, many cases, one PostgreSQL database. The same case routes as the
 * local app, under /api/cases/:caseId/…; each request's context is made from its session and the case in its URL,
 * after the one policy (src/app/org/policy.ts) allowed it, and every staff access is written to the audit log.
 *
 * Perimeter, in the one onRequest hook below: the local app's security headers on every response; the session
 * cookie (HttpOnly, SameSite=Strict, Secure and __Host- behind TLS); every change (POST, PUT, DELETE) must come
 * from the server's own Origin and carry the session's CSRF token in x-csrf-token; without a session every API
 * route answers 401 except health, login and redeeming an invite. No request logging (personal data).
 */
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { changePassword, createUser, csrfOf, listUsers, login, logout, sessionUser, setTotp, updateUser, type OrgApp, type SessionUser } from '../app/org/accounts.js';
import { audit, listAudit } from '../app/org/audit.js';
import { addNote, addTask, assignCase, caseContext, createOrgCase, importSharedCase, listCasesWithSummaries, orgLenderReport, listNotes, listTasks, redeemInvite, renewInvite, revokeShare, setConsent, shareView, updateNote, updateTask } from '../app/org/cases.js';
import { newTotpSecret, otpauthUri, totpStep } from '../app/org/passwords.js';
import { allowed, authorize, isStaff, type Action } from '../app/org/policy.js';
import { AssignSchema, ConsentSchema, LoginSchema, NewUserSchema, PasswordChangeSchema, TotpConfirmSchema, type SessionView } from '../shared/accounts.js';
import { installErrorHandler, WEB_DIST } from './app.js';
import { SECURITY_HEADERS } from './guard.js';
import { DEFAULT_LIMITS, textHeader, withUploadedFile, type UploadLimits } from './routes/http.js';
import { caseRoutes, type CtxOf } from './routes/index.js';

/** Behind TLS, the proxy is on this machine unless --trusted-proxy says otherwise. */
export const DEFAULT_TRUSTED_PROXIES = ['127.0.0.1', '::1'];

export interface OrgServerOptions {
  /**
   * Served over HTTPS by a proxy in front: the cookie is Secure (__Host-), the origin https, and X-Forwarded-For is
   * read, but only as sent by `trustedProxies`.
   */
  behindTls?: boolean;
  /**
   * The proxies whose X-Forwarded-For is believed (addresses or CIDR ranges; default: this machine, 127.0.0.1 and ::1).
   * A client's own X-Forwarded-For is never believed: the per-address login limit would be one header away.
   */
  trustedProxies?: string[];
  limits?: Partial<UploadLimits>;
  /** Told of every route as it is registered (the IDOR suite covers each one, so a new route is covered too). */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The policy action a case route needs; default: case.read for GET/HEAD, case.write otherwise. */
    action?: Action;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** API routes answered without a session. */
const PUBLIC = new Set(['/api/health', '/api/auth/login', '/api/auth/redeem']);
/** All a session may do while its password is one an admin set (SessionView.must_change). */
const CHANGE_FIRST = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);
export const CSRF_HEADER = 'x-csrf-token';

function cookieOf(req: FastifyRequest, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

function refuse(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.status(status).header('content-type', 'application/json; charset=utf-8').send({ error: { code, message } });
}

const users = new WeakMap<FastifyRequest, { user: SessionUser; token: string }>();
const contexts = new WeakMap<FastifyRequest, AppContext>();

/** The session's user of a request that passed the hook (routes outside PUBLIC only). */
function userOf(req: FastifyRequest): SessionUser {
  const u = users.get(req);
  if (!u) throw new AppError('UNAUTHORIZED', '请先登录 log in first');
  return u.user;
}

export async function buildOrgServer(org: OrgApp, opts: OrgServerOptions = {}): Promise<FastifyInstance> {
  const limits: UploadLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const tls = Boolean(opts.behindTls);
  const cookieName = tls ? '__Host-huxun_session' : 'huxun_session';
  const cookieAttrs = `HttpOnly; SameSite=Strict; Path=/${tls ? '; Secure' : ''}`;
  // No request logging: URLs and bodies can hold personal data.
  const app = Fastify({ logger: false, bodyLimit: limits.json, trustProxy: tls ? (opts.trustedProxies?.length ? opts.trustedProxies : DEFAULT_TRUSTED_PROXIES) : false });
  installErrorHandler(app);
  if (opts.onRoute) {
    const tell = opts.onRoute;
    app.addHook('onRoute', (r) => tell({ method: r.method, url: r.url }));
  }

  app.addHook('onRequest', async (req, reply) => {
    reply.headers(SECURITY_HEADERS);
    reply.header('cache-control', 'no-store');
    if (tls) reply.header('strict-transport-security', 'max-age=31536000');
    const route = req.routeOptions.url ?? '';
    const path = req.url.split('?')[0]!;
    const isApi = route.startsWith('/api') || path.startsWith('/api');
    if (!isApi) return; // the page and its JS/CSS: no data in them
    if (!SAFE.has(req.method)) {
      const origin = req.headers.origin;
      const site = req.headers['sec-fetch-site'];
      const own = `${tls ? 'https' : 'http'}://${req.headers.host ?? ''}`;
      if (origin !== own || (site !== undefined && site !== 'same-origin')) {
        return refuse(reply, 403, 'FORBIDDEN', '只接受护讯自己页面的修改请求 changes are accepted from Huxun’s own page only (Origin)');
      }
    }
    const token = cookieOf(req, cookieName);
    const user = await sessionUser(org, token);
    if (user && token) users.set(req, { user, token });
    if (PUBLIC.has(route)) return;
    if (!user || !token) return refuse(reply, 401, 'UNAUTHORIZED', '请先登录 log in first');
    if (user.must_change && !CHANGE_FIRST.has(route)) return refuse(reply, 403, 'PASSWORD_CHANGE', '请先把管理员设的密码改成您自己的密码 change the password an admin set first');
    if (!SAFE.has(req.method)) {
      const given = req.headers[CSRF_HEADER];
      if (typeof given !== 'string' || given !== csrfOf(token)) return refuse(reply, 403, 'CSRF', '页面已过期，请刷新后再试 the page is out of date: reload it and try again (CSRF token)');
    }
  });

  const setSession = (reply: FastifyReply, token: string) => reply.header('set-cookie', `${cookieName}=${token}; ${cookieAttrs}; Max-Age=${12 * 3600}`);
  const address = (req: FastifyRequest) => req.ip || 'unknown';

  await app.register(
    async (api) => {
      api.get('/health', async () => ({ ok: true, mode: 'org', engine: org.store.engine }));

      // ----- sessions -----
      api.post('/auth/login', async (req, reply): Promise<SessionView> => {
        const b = LoginSchema.parse(req.body);
        const r = await login(org, b, address(req), cookieOf(req, cookieName));
        setSession(reply, r.token);
        return { user: r.user, csrf: r.csrf, must_change: r.must_change };
      });
      api.post('/auth/redeem', async (req, reply): Promise<SessionView> => {
        const r = await redeemInvite(org, req.body, address(req));
        setSession(reply, r.token);
        return { user: r.user, csrf: r.csrf, must_change: r.must_change };
      });
      api.post('/auth/logout', async (req, reply) => {
        await logout(org, users.get(req)!.token);
        return reply.header('set-cookie', `${cookieName}=; ${cookieAttrs}; Max-Age=0`).send({ ok: true });
      });
      api.get('/auth/me', async (req): Promise<SessionView & { totp: boolean }> => {
        const u = users.get(req)!;
        return { user: { id: u.user.id, username: u.user.username, role: u.user.role }, csrf: csrfOf(u.token), totp: u.user.totp, must_change: Boolean(u.user.must_change) };
      });
      api.post('/auth/password', async (req, reply) => {
        const b = PasswordChangeSchema.parse(req.body);
        await changePassword(org, userOf(req).id, b.current, b.password);
        // Every session of the account ended, this one too: log in again with the new password.
        return reply.header('set-cookie', `${cookieName}=; ${cookieAttrs}; Max-Age=0`).send({ ok: true });
      });
      // TOTP for staff: the secret is shown once here and stored only when a code from it is confirmed.
      api.post('/auth/totp/setup', async (req) => {
        const u = userOf(req);
        if (!isStaff(u.role)) throw new AppError('FORBIDDEN', 'two-factor login is for staff accounts');
        const secret = newTotpSecret();
        return { secret, uri: otpauthUri(secret, u.username) };
      });
      api.post('/auth/totp/confirm', async (req) => {
        const u = userOf(req);
        if (!isStaff(u.role)) throw new AppError('FORBIDDEN', 'two-factor login is for staff accounts');
        const b = TotpConfirmSchema.parse(req.body);
        const step = totpStep(b.secret, b.code, org.now());
        if (step === null) throw new AppError('BAD_INPUT', '验证码不对 the code does not match');
        await setTotp(org, u.id, b.secret, step);
        return { ok: true };
      });

      // ----- organisation -----
      // The case list reads a summary of each case: one audit record for the listing, not one per case.
      api.get('/org/cases', async (req) => {
        const u = userOf(req);
        const list = await listCasesWithSummaries(org, u, allowed(u.role, 'org.cases.all', null));
        if (isStaff(u.role)) await audit(org, { caseId: null, userId: u.id, action: 'org.case-list', method: req.method, route: req.routeOptions.url ?? '', target: JSON.stringify({ cases: list.length }) });
        return list;
      });
      api.get('/org/report/lenders', async (req) => {
        const u = userOf(req);
        await authorize(org, u, 'org.report');
        const r = await orgLenderReport(org);
        await audit(org, { caseId: null, userId: u.id, action: 'org.report', method: req.method, route: req.routeOptions.url ?? '' });
        return r;
      });
      api.post('/org/cases', async (req, reply) => {
        const u = userOf(req);
        await authorize(org, u, 'case.create');
        const r = await createOrgCase(org, u, req.body);
        await audit(org, { caseId: r.case_id, userId: u.id, action: 'case.create', method: req.method, route: req.routeOptions.url ?? '' });
        return reply.status(201).send(r);
      });
      // An encrypted .hxcase export from the local app, as application/octet-stream; its passphrase URI-encoded in x-case-passphrase.
      await api.register(async (imp) => {
        imp.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));
        imp.post('/org/import', async (req, reply) => {
          const u = userOf(req);
          await authorize(org, u, 'case.import');
          const passphrase = textHeader(req, 'x-case-passphrase', 1024);
          if (!passphrase) throw new AppError('BAD_INPUT', '请输入导出案件时设置的密码 x-case-passphrase: the passphrase the export was made with');
          const r = await withUploadedFile(req, 'the case file', limits.imports, 'huxun-case-', (path) => importSharedCase(org, u, path, passphrase));
          await audit(org, { caseId: r.case_id, userId: u.id, action: 'case.import', method: req.method, route: req.routeOptions.url ?? '' });
          return reply.status(201).send(r);
        });
      });
      api.get('/org/users', async (req) => {
        await authorize(org, userOf(req), 'org.users.list');
        return listUsers(org);
      });
      api.post('/org/users', async (req, reply) => {
        const u = userOf(req);
        await authorize(org, u, 'org.users.manage');
        // The admin chose the password: its owner replaces it at the first login.
        const made = await createUser(org, NewUserSchema.parse(req.body), { mustChange: true });
        await audit(org, { caseId: null, userId: u.id, action: 'user.create', method: req.method, route: req.routeOptions.url ?? '', target: JSON.stringify({ user: made.id, role: made.role }) });
        return reply.status(201).send(made);
      });
      api.put('/org/users/:userId', async (req) => {
        const u = userOf(req);
        await authorize(org, u, 'org.users.manage');
        const { userId } = z.object({ userId: z.coerce.number().int().positive() }).parse(req.params);
        const r = await updateUser(org, userId, req.body, u);
        await audit(org, { caseId: null, userId: u.id, action: 'user.update', method: req.method, route: req.routeOptions.url ?? '', target: JSON.stringify({ user: userId, fields: Object.keys((req.body as object) ?? {}) }) });
        return r;
      });
      api.get('/org/audit', async (req) => {
        await authorize(org, userOf(req), 'org.audit');
        const q = z.object({ case: z.coerce.number().int().positive().optional(), before: z.coerce.number().int().positive().optional() }).parse(req.query ?? {});
        return listAudit(org, { caseId: q.case, before: q.before });
      });

      // ----- one case -----
      await api.register(
        async (c) => {
          // The one gate of every case route: the session's user, the case in the URL, the policy; then the context.
          c.addHook('onRequest', async (req) => {
            const u = userOf(req);
            const caseId = Number((req.params as { caseId?: string }).caseId);
            if (!Number.isSafeInteger(caseId) || caseId <= 0) throw new AppError('NOT_FOUND', '没有这个案件 no such case');
            const action = req.routeOptions.config.action ?? (SAFE.has(req.method) ? 'case.read' : 'case.write');
            const route = req.routeOptions.url ?? '';
            const { caseId: _omit, ...ids } = req.params as Record<string, string>;
            const target = Object.keys(ids).length ? JSON.stringify(ids) : null;
            try {
              await authorize(org, u, action, caseId);
            } catch (e) {
              // Refused attempts on a case are kept too, from anyone (who tried what), for the supervisors and the case's borrower.
              await audit(org, { caseId, userId: u.id, action: `denied:${action}`, method: req.method, route, target }).catch(() => undefined);
              throw e;
            }
            const ctx = await caseContext(org, caseId);
            if (!ctx) throw new AppError('NOT_FOUND', '没有这个案件 no such case');
            contexts.set(req, ctx);
            if (isStaff(u.role)) await audit(org, { caseId, userId: u.id, action, method: req.method, route, target });
          });
          const ctxOf: CtxOf = async (req) => {
            const ctx = contexts.get(req);
            if (!ctx) throw new AppError('UNAUTHORIZED', '请先登录 log in first');
            return ctx;
          };
          for (const r of caseRoutes) await r(c, ctxOf, { limits });
          orgCaseRoutes(c, org, ctxOf);
        },
        { prefix: '/cases/:caseId' },
      );
    },
    { prefix: '/api' },
  );

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'no such endpoint' } });
    if (existsSync(WEB_DIST + 'index.html')) return reply.sendFile('index.html');
    return reply.type('text/html; charset=utf-8').send('<!doctype html><title>护讯 Huxun</title><p>npm run build:web</p>');
  });
  if (existsSync(WEB_DIST)) await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false });
  return app;
}

const NoteParam = z.object({ noteId: z.coerce.number().int().positive() });
const TaskParam = z.object({ taskId: z.coerce.number().int().positive() });
const cfg = (action: Action) => ({ config: { action } });

/** Routes of the organisation about one case: notes, tasks, its audit, the borrower's share, invite, assignment. */
function orgCaseRoutes(c: FastifyInstance, org: OrgApp, ctxOf: CtxOf): void {
  const caseOf = async (req: FastifyRequest) => (await ctxOf(req)).caseId;
  c.get('/notes', cfg('case.notes.read'), async (req) => listNotes(org, await caseOf(req)));
  c.post('/notes', cfg('case.notes.write'), async (req, reply) => reply.status(201).send(await addNote(org, userOf(req), await caseOf(req), req.body)));
  c.put('/notes/:noteId', cfg('case.notes.write'), async (req) => updateNote(org, userOf(req), await caseOf(req), NoteParam.parse(req.params).noteId, req.body));
  c.get('/tasks', cfg('case.tasks.read'), async (req) => listTasks(org, await caseOf(req)));
  c.post('/tasks', cfg('case.tasks.write'), async (req, reply) => reply.status(201).send(await addTask(org, userOf(req), await caseOf(req), req.body)));
  c.put('/tasks/:taskId', cfg('case.tasks.write'), async (req) => updateTask(org, await caseOf(req), TaskParam.parse(req.params).taskId, req.body));
  c.get('/audit', cfg('case.audit'), async (req) => listAudit(org, { caseId: await caseOf(req), before: z.object({ before: z.coerce.number().int().positive().optional() }).parse(req.query ?? {}).before }));
  c.get('/share', cfg('case.read'), async (req) => shareView(org, await caseOf(req)));
  c.post('/share/revoke', cfg('case.share.revoke'), async (req) => revokeShare(org, userOf(req), await caseOf(req)));
  c.put('/share/consent', cfg('case.consent'), async (req) => setConsent(org, await caseOf(req), ConsentSchema.parse(req.body).consent));
  c.post('/invite', cfg('case.invite'), async (req, reply) => reply.status(201).send(await renewInvite(org, await caseOf(req))));
  c.put('/members', cfg('case.assign'), async (req) => {
    const b = AssignSchema.parse(req.body);
    return { assigned: await assignCase(org, await caseOf(req), b.user_id, b.assigned) };
  });
}
