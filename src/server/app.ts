/**
 * The HTTP API (JSON; errors as { error: { code, message } }) and the built web UI.
 * Routes call use cases in src/app only. Who may call it: src/server/guard.ts.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { z, ZodError } from 'zod';
import type { AppContext } from '../app/context.js';
import { AppError, httpStatus } from '../app/errors.js';
import { installGuard, newSecret } from './guard.js';
import { DEFAULT_LIMITS, type UploadLimits } from './routes/http.js';
import { routes } from './routes/index.js';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface ServerOptions {
  /** The per-launch key every API call must carry (see guard.ts); a fresh one when absent. */
  secret?: string;
  /** Upload limits per route, in bytes (defaults: DEFAULT_LIMITS). */
  limits?: Partial<UploadLimits>;
  /**
   * Locked start (ctx null): opens the app with the passphrase the person types in the page
   * (POST /api/unlock). Throws an error with code BAD_PASSPHRASE when it does not open it.
   */
  unlock?: (passphrase: string) => Promise<AppContext>;
  /** Told of every route as it is registered (the contract test lists the served routes with it). */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
}

/** The Fastify app and its launch key (tests and scripts send it as x-huxun-key). */
export type HuxunServer = FastifyInstance & { secret: string };

const UnlockSchema = z.object({ passphrase: z.string().max(1024) });

export async function buildServer(ctx: AppContext | null, opts: ServerOptions = {}): Promise<HuxunServer> {
  const secret = opts.secret ?? newSecret();
  const limits: UploadLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  // No request logging: URLs and bodies can hold personal data.
  const app = Fastify({ logger: false, bodyLimit: limits.json });
  const guard = installGuard(app, secret);
  if (opts.onRoute) {
    const tell = opts.onRoute;
    app.addHook('onRoute', (r) => tell({ method: r.method, url: r.url }));
  }

  installErrorHandler(app);

  // Locked start: routes are registered now (Fastify cannot add them later) on this object, which
  // unlocking fills with the opened context; until then the hook below answers 423 instead.
  const live = (ctx ?? {}) as AppContext;
  let open = ctx !== null;
  let unlocking: Promise<void> | null = null;

  await app.register(
    async (api) => {
      api.get('/health', async () => (open ? { ok: true, locked: false, engine: live.store.engine } : { ok: true, locked: true }));
      api.post('/unlock', async (req) => {
        const { passphrase } = UnlockSchema.parse(req.body);
        if (open) return { ok: true, locked: false };
        if (!opts.unlock) throw new AppError('BAD_INPUT', 'nothing to unlock');
        // One attempt at a time: a second openApp would find the data folder taken by the first.
        while (unlocking) await unlocking.catch(() => undefined);
        if (open) return { ok: true, locked: false };
        const attempt = (async () => {
          try {
            Object.assign(live, await opts.unlock!(passphrase));
            open = true;
          } catch (e) {
            if ((e as { code?: string }).code === 'BAD_PASSPHRASE') {
              throw Object.assign(new Error('密码不对，请再试一次。the passphrase does not open this data'), { statusCode: 401, code: 'BAD_PASSPHRASE' });
            }
            // Another Huxun took the data folder while this one waited for the passphrase.
            if ((e as { code?: string }).code === 'LOCKED') throw new AppError('CONFLICT', (e as Error).message);
            throw e;
          }
        })();
        unlocking = attempt;
        try {
          await attempt;
        } finally {
          unlocking = null;
        }
        return { ok: true, locked: false };
      });
      api.addHook('onRequest', async (req, reply) => {
        if (open) return;
        const route = req.routeOptions.url;
        if (route === '/api/health' || route === '/api/unlock') return;
        return reply.status(423).send({ error: { code: 'LOCKED', message: '数据已加密，请先在网页中输入密码解锁 the data is encrypted: unlock it first' } });
      });
      const ctxOf = async () => live;
      for (const r of routes) await r(api, ctxOf, { limits });
    },
    { prefix: '/api' },
  );

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `no such endpoint ${req.method} ${req.url.split('?')[0]}` } });
    // Any other path is the single-page app: the same page, the same key check.
    if (!guard.hasKey(req)) return guard.sendNoKeyPage(reply);
    if (existsSync(WEB_DIST + 'index.html')) return reply.sendFile('index.html');
    return reply.type('text/html; charset=utf-8').send(PLAIN_PAGE);
  });

  if (existsSync(WEB_DIST)) await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false });
  else app.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').send(PLAIN_PAGE));
  const server = app as unknown as HuxunServer;
  server.secret = secret;
  return server;
}

/** Errors as { error: { code, message } } with the status their code means; anything unexpected is a 500 without details. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof AppError && err.code === 'RATE_LIMITED') reply.header('retry-after', String((err.details as { retry_after_s?: number } | undefined)?.retry_after_s ?? 60));
    if (err instanceof AppError) return reply.status(httpStatus(err.code)).send({ error: { code: err.code, message: err.message, details: err.details } });
    if (err instanceof ZodError) {
      const first = err.issues[0];
      const msg = first ? `${first.path.join('.') || '(body)'}: ${first.message}` : 'invalid input';
      return reply.status(400).send({ error: { code: 'BAD_INPUT', message: msg, details: err.issues } });
    }
    const e = err as Error & { statusCode?: number; code?: string; name?: string };
    if (['ImportFormatError', 'LoanInputError', 'RangeError', 'RateFileError', 'IrrError', 'EvidenceFormatError', 'BundleError', 'DocumentError'].includes(e.name ?? '')) {
      return reply.status(400).send({ error: { code: 'BAD_INPUT', message: e.message } });
    }
    // A refused upload may still be arriving: close the connection after the answer instead of reading the rest.
    if (e.statusCode === 413) reply.header('connection', 'close');
    if (e.statusCode && e.statusCode < 500) return reply.status(e.statusCode).send({ error: { code: e.code ?? 'BAD_REQUEST', message: e.message } });
    return reply.status(500).send({ error: { code: 'INTERNAL', message: '服务器内部错误 internal error' } });
  });
}

const PLAIN_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>护讯 Huxun</title></head><body>
<h1>护讯 Huxun</h1><p>本地服务已运行。网页界面尚未构建：请运行 <code>npm run build:web</code>。API 在 <code>/api/</code>。</p>
<p>The local server is running. The web UI is not built yet: run <code>npm run build:web</code>. The API is under <code>/api/</code>.</p></body></html>`;
