/**
 * The perimeter of the local server, in one place: security headers on every response, and who may
 * talk to it. The server listens on loopback, but any web page the person visits can send requests
 * to 127.0.0.1 (CSRF), and after a DNS rebinding can even read the answers; any local process can
 * connect too. So every request must:
 *  - name a loopback host with our port in `Host` (a rebinding page sends its own host name);
 *  - if it changes something, come from our own origin (`Origin`, `Sec-Fetch-Site`);
 *  - for the API and the page, carry the per-launch key: printed once in the URL `huxun` shows at
 *    start (`/?k=KEY`), turned into an HttpOnly SameSite=Strict cookie on first open, or sent as the
 *    `x-huxun-key` header by scripts and tests.
 * Only the built JS/CSS (/assets/) is served without the key: it holds no data.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const KEY_HEADER = 'x-huxun-key';

/** A fresh key for one launch of the server (256 bits, URL-safe). Never written to disk. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The hosts the server may bind today: loopback only, until accounts exist (issue 15). */
export function isLoopbackHost(host: string): boolean {
  return ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host.toLowerCase());
}

export const SECURITY_HEADERS: Record<string, string> = {
  // No inline scripts (the built UI has none); antd writes its CSS-in-JS into <style> tags and
  // echarts sets style attributes, hence 'unsafe-inline' for styles only. Downloads and the
  // favicon use blob:/data: URLs.
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The port named in a Host header ("127.0.0.1:7878", "[::1]:7878", "localhost"), and its host. */
function splitHost(value: string): { name: string; port: number } | null {
  const m = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(value);
  if (!m) return null;
  return { name: m[1]!, port: m[2] ? Number(m[2]) : 80 };
}

/** Per port, because cookies are shared by every port of a host: two servers must not overwrite each other's key. */
function cookieName(req: FastifyRequest): string {
  return `huxun_key_${splitHost(req.headers.host ?? '')?.port ?? 0}`;
}

function cookie(req: FastifyRequest, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

/** Constant time, also over different lengths (both sides hashed first). */
export function sameKey(given: string | undefined, secret: string): boolean {
  if (typeof given !== 'string' || !given) return false;
  const h = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(h(given), h(secret));
}

export interface Guard {
  /** Does this request carry the key (header or cookie)? */
  hasKey(req: FastifyRequest): boolean;
  /** The page shown instead of the app to a browser without the key (no data in it). */
  sendNoKeyPage(reply: FastifyReply): FastifyReply;
}

function refuse(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.status(status).header('content-type', 'application/json; charset=utf-8').send({ error: { code, message } });
}

/** Installs the one onRequest hook that sets the headers and applies the checks above. */
export function installGuard(app: FastifyInstance, secret: string): Guard {
  const hasKey = (req: FastifyRequest) => {
    const h = req.headers[KEY_HEADER];
    return sameKey(typeof h === 'string' ? h : undefined, secret) || sameKey(cookie(req, cookieName(req)), secret);
  };
  const sendNoKeyPage = (reply: FastifyReply) => reply.status(401).type('text/html; charset=utf-8').send(NO_KEY_PAGE);

  app.addHook('onRequest', async (req, reply) => {
    reply.headers(SECURITY_HEADERS);

    // Host: a loopback name and the port we listen on. Before listen (inject in tests) there is no
    // port to compare with, and no one outside the process can reach the server then.
    const host = splitHost(req.headers.host ?? '');
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : null;
    if (!host || !isLoopbackHost(host.name) || (port !== null && host.port !== port)) {
      return refuse(reply, 403, 'FORBIDDEN', '只接受本机地址的请求 only requests to this computer’s own address are accepted (Host)');
    }

    if (!SAFE_METHODS.has(req.method)) {
      const origin = req.headers.origin;
      const site = req.headers['sec-fetch-site'];
      if ((origin !== undefined && origin !== `http://${req.headers.host}`) || (site !== undefined && site !== 'same-origin' && site !== 'none')) {
        return refuse(reply, 403, 'FORBIDDEN', '只接受护讯自己页面的修改请求 changes are accepted from Huxun’s own page only (Origin)');
      }
    }

    // Decide by the route that matched, not only by the raw URL: the router decodes "/%61pi/loans" to
    // /api/loans, which a prefix test on req.url would miss.
    const route = req.routeOptions.url ?? '';
    if (route.startsWith('/assets/')) return; // the built JS and CSS: no data in them
    const path = req.url.split('?')[0]!;
    const isApi = route.startsWith('/api') || path.startsWith('/api');
    const k = (req.query as { k?: unknown } | undefined)?.k;
    if (!isApi && req.method === 'GET' && (path === '/' || path === '/index.html') && typeof k === 'string') {
      if (!sameKey(k, secret)) return sendNoKeyPage(reply);
      // The key leaves the address bar at once (303 to "/"; browsers keep the #fragment) and lives
      // on as a session cookie only this origin's own pages send.
      return reply
        .header('set-cookie', `${cookieName(req)}=${secret}; HttpOnly; SameSite=Strict; Path=/`)
        .header('cache-control', 'no-store')
        .redirect('/', 303);
    }
    if (hasKey(req)) return;
    if (isApi) return refuse(reply, 401, 'NEED_KEY', '请打开护讯启动时显示的完整网址（含 ?k=…）open the full address Huxun printed at start (with ?k=…)');
    return sendNoKeyPage(reply);
  });
  return { hasKey, sendNoKeyPage };
}

const NO_KEY_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>护讯 Huxun</title></head><body>
<h1>护讯 Huxun</h1>
<p>为了保护您的资料，请打开启动护讯时显示的<strong>完整网址</strong>（以 <code>?k=</code> 加一串字符结尾）。如果找不到，请关掉护讯再重新运行 <code>huxun</code>，它会再显示一次。</p>
<p lang="en">To protect your data, open the <strong>full address</strong> that <code>huxun</code> printed when it started (it ends with <code>?k=</code> and a key). If you cannot find it, stop Huxun and run <code>huxun</code> again: it prints a new one.</p>
</body></html>`;
