/**
 * The organisation server on a real database for tests: a controllable clock, accounts of each role, and a
 * client that keeps its session cookie and sends the Origin and CSRF headers a browser page would.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createUser, type OrgApp } from '../../src/app/org/accounts.js';
import { buildOrgServer, type OrgServerOptions } from '../../src/server/org.js';
import type { Role } from '../../src/shared/accounts.js';
import { engines, makeStore, PG_URL } from './stores.js';

export const HOST = 'huxun.test';
export const ORIGIN = `http://${HOST}`;
export const PASSWORD = 'correct horse 电池 staple';

/** PostgreSQL when DATABASE_URL is set (what the organisation server runs on), else SQLite. */
export function orgEngine(): 'sqlite' | 'postgres' {
  engines(); // fails the suite under HUXUN_REQUIRE_PG=1 without a server
  return PG_URL ? 'postgres' : 'sqlite';
}

export interface Client {
  csrf: string | null;
  cookie: string | null;
  req(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  login(username: string, password?: string, totp?: string): Promise<LightMyRequestResponse>;
}

export interface OrgHarness {
  org: OrgApp;
  app: FastifyInstance;
  clock: { now: number };
  client(address?: string): Client;
  user(role: Role, name?: string): Promise<{ id: number; username: string; client: Client }>;
  cleanup(): Promise<void>;
}

let n = 0;

export async function orgHarness(opts: OrgServerOptions = {}): Promise<OrgHarness> {
  const ts = await makeStore(orgEngine());
  const clock = { now: Date.UTC(2026, 11, 5, 8, 0, 0) };
  const org: OrgApp = { store: ts.store, dataDir: ts.dataDir, fileKey: null, now: () => clock.now };
  const app = await buildOrgServer(org, opts);
  const client = (address = '10.0.0.1'): Client => {
    const c: Client = {
      csrf: null,
      cookie: null,
      async req(method, url, body, headers = {}) {
        const h: Record<string, string> = { host: HOST, ...(c.cookie ? { cookie: c.cookie } : {}) };
        if (!['GET', 'HEAD'].includes(method)) {
          h.origin = ORIGIN;
          if (c.csrf) h['x-csrf-token'] = c.csrf;
        }
        const isBuf = Buffer.isBuffer(body);
        const r = await app.inject({
          method: method as 'GET',
          url,
          remoteAddress: address,
          headers: { ...h, ...(isBuf ? { 'content-type': 'application/octet-stream' } : {}), ...headers },
          ...(body === undefined ? {} : isBuf ? { payload: body } : { payload: body as object }),
        });
        const set = r.headers['set-cookie'];
        const v = Array.isArray(set) ? set[0] : set;
        if (v) {
          const m = /^([^=]+)=([^;]*)/.exec(v);
          if (m) c.cookie = m[2] ? `${m[1]}=${m[2]}` : null;
        }
        return r;
      },
      async login(username, password = PASSWORD, totp) {
        const r = await c.req('POST', '/api/auth/login', { username, password, ...(totp ? { totp } : {}) });
        if (r.statusCode === 200) c.csrf = r.json().csrf;
        return r;
      },
    };
    return c;
  };
  return {
    org,
    app,
    clock,
    client,
    async user(role, name) {
      const username = name ?? `${role}${++n}`;
      const u = await createUser(org, { username, password: PASSWORD, role });
      const c = client(`10.1.${n % 250}.${(n * 7) % 250}`);
      const r = await c.login(username);
      if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
      return { id: u.id, username, client: c };
    },
    async cleanup() {
      await app.close();
      await ts.cleanup();
    },
  };
}
