/** The screenshot OCR routes (issue 13) are guarded like every API call and validate what they get. No OCR runs here. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start.js';

let s: RunningServer;
const dir = mkdtempSync(join(tmpdir(), 'huxun-ocr-routes-'));
beforeAll(async () => {
  s = await startServer({ dataDir: dir, port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await s?.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (method: string, path: string, body?: unknown, key: string | null = s.key) =>
  fetch(new URL(path, s.origin), {
    method,
    headers: { ...(key ? { 'x-huxun-key': key } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), origin: new URL(s.origin).origin },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });

describe('/api/ocr', () => {
  it('needs the launch key', async () => {
    expect((await call('GET', '/api/ocr/review', undefined, null)).status).toBe(401);
  });
  it('keeps the capture date the page asks for, refuses a bad one', async () => {
    expect(await (await call('GET', '/api/ocr/taken-at')).json()).toEqual({ taken_at: null });
    expect((await call('PUT', '/api/ocr/taken-at', { taken_at: '2026-11-27' })).status).toBe(200);
    expect(await (await call('GET', '/api/ocr/taken-at')).json()).toEqual({ taken_at: '2026-11-27' });
    expect((await call('PUT', '/api/ocr/taken-at', { taken_at: '27/11/2026' })).status).toBe(400);
  });
  it('review list, corrections and screenshots answer with clear errors', async () => {
    expect(await (await call('GET', '/api/ocr/review')).json()).toEqual([]);
    expect((await call('POST', '/api/ocr/events/99/correct', { text: '更正' })).status).toBe(404);
    expect((await call('POST', '/api/ocr/events/99/correct', { text: '' })).status).toBe(400);
    expect((await call('GET', '/api/ocr/screenshot/nothex')).status).toBe(400);
    expect((await call('GET', `/api/ocr/screenshot/${'a'.repeat(64)}`)).status).toBe(404);
  });
});
