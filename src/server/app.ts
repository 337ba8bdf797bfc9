/**
 * The HTTP API (JSON; errors as { error: { code, message } }) and the built web UI.
 * Routes call use cases in src/app only.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { ZodError } from 'zod';
import type { AppContext } from '../app/context.js';
import { AppError, httpStatus } from '../app/errors.js';
import { routes } from './routes/index.js';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export async function buildServer(ctx: AppContext): Promise<FastifyInstance> {
  // No request logging: URLs and bodies can hold personal data.
  const app = Fastify({ logger: false, bodyLimit: 50 * 1024 * 1024 });

  app.setErrorHandler((err, _req, reply) => {
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
    if (e.statusCode && e.statusCode < 500) return reply.status(e.statusCode).send({ error: { code: e.code ?? 'BAD_REQUEST', message: e.message } });
    return reply.status(500).send({ error: { code: 'INTERNAL', message: '服务器内部错误 internal error' } });
  });

  await app.register(async (api) => {
    for (const r of routes) await r(api, ctx);
  }, { prefix: '/api' });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `no such endpoint ${req.method} ${req.url.split('?')[0]}` } });
    if (existsSync(WEB_DIST + 'index.html')) return reply.sendFile('index.html');
    return reply.type('text/html; charset=utf-8').send(PLAIN_PAGE);
  });

  if (existsSync(WEB_DIST)) await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false });
  else app.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').send(PLAIN_PAGE));
  return app;
}

const PLAIN_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>护讯 Huxun</title></head><body style="font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em">
<h1>护讯 Huxun</h1><p>本地服务已运行。网页界面尚未构建：请运行 <code>npm run build:web</code>。API 在 <code>/api/</code>。</p>
<p>The local server is running. The web UI is not built yet: run <code>npm run build:web</code>. The API is under <code>/api/</code>.</p>
<ul><li><a href="/api/loans">/api/loans</a></li><li><a href="/api/health">/api/health</a></li></ul></body></html>`;
