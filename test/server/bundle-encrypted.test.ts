/**
 * Encrypted evidence bundles through the API (issue 10): POST /api/export/bundle with encrypt_passphrase
 * answers the sealed zip (`….zip.hxseal`, octet-stream, no zip bytes in it); POST /api/verify opens it with
 * the passphrase in x-bundle-passphrase, and says clearly (400, details.bundle_passphrase) when one is
 * needed or wrong.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../../src/app/context.js';
import { addManualEvent } from '../../src/app/timeline.js';
import { buildServer, type HuxunServer } from '../../src/server/app.js';

let dir: string;
let opened: OpenedApp;
let app: HuxunServer;
const call = (o: InjectOptions) => app.inject({ ...o, headers: { ...o.headers, 'x-huxun-key': app.secret } });
const PASS = '证据包 口令 bundle pass';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'huxun-bundle-api-'));
  opened = await openApp({ dataDir: dir });
  for (let i = 0; i < 3; i++) await addManualEvent(opened.ctx, { kind: 'note', at: `2026-06-0${i + 1} 09:00`, text: `催收记录 note ${i}` });
  app = await buildServer(opened.ctx);
});
afterAll(async () => {
  await app?.close();
  await opened?.close();
  rmSync(dir, { recursive: true, force: true });
});

const verify = (payload: Buffer, headers: Record<string, string> = {}) =>
  call({ method: 'POST', url: '/api/verify', headers: { 'content-type': 'application/octet-stream', ...headers }, payload });

describe('encrypted evidence bundles (API, real SQLite)', () => {
  it('exports sealed, verifies with the passphrase, and refuses a missing or wrong one with a clear 400', async () => {
    const plain = await call({ method: 'POST', url: '/api/export/bundle', payload: { redact_third_parties: false } });
    expect(plain.statusCode, plain.body).toBe(200);
    expect(plain.headers['content-type']).toMatch(/application\/zip/);
    expect(plain.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');

    const sealed = await call({ method: 'POST', url: '/api/export/bundle', payload: { redact_third_parties: false, encrypt_passphrase: PASS } });
    expect(sealed.statusCode, sealed.body).toBe(200);
    expect(sealed.headers['content-type']).toBe('application/octet-stream');
    expect(String(sealed.headers['content-disposition'])).toMatch(/\.zip\.hxseal$/);
    expect(sealed.headers['x-chain-head']).toBe(plain.headers['x-chain-head']);
    const bytes = sealed.rawPayload;
    expect(bytes.subarray(0, 2).toString('latin1')).not.toBe('PK');
    // Nothing of the zip shows through: no local file header, no record text, no file names.
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe(false);
    expect(bytes.includes(Buffer.from('催收记录'))).toBe(false);
    expect(bytes.includes(Buffer.from('records.jsonl'))).toBe(false);

    const ok = await verify(bytes, { 'x-bundle-passphrase': encodeURIComponent(PASS) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true, records: 3 });

    const none = await verify(bytes);
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ error: { code: 'BAD_INPUT', message: expect.stringMatching(/已加密.*encrypted/s), details: { bundle_passphrase: 'needed' } } });

    const wrong = await verify(bytes, { 'x-bundle-passphrase': encodeURIComponent('not the passphrase') });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: { code: 'BAD_INPUT', message: expect.stringMatching(/口令不对.*wrong bundle passphrase/s), details: { bundle_passphrase: 'wrong' } } });

    // Malformed header encoding is the client's error too; a plain zip ignores the header.
    expect((await verify(bytes, { 'x-bundle-passphrase': '%E0%A4%A' })).statusCode).toBe(400);
    expect((await verify(plain.rawPayload, { 'x-bundle-passphrase': encodeURIComponent(PASS) })).json()).toMatchObject({ ok: true });
  });

  it('refuses a bundle passphrase shorter than 6 characters', async () => {
    const r = await call({ method: 'POST', url: '/api/export/bundle', payload: { redact_third_parties: false, encrypt_passphrase: '12345' } });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: { code: 'BAD_INPUT', message: expect.stringMatching(/encrypt_passphrase/) } });
  });
});
