/**
 * The import page's server side: a zipped iPhone backup and a recording uploaded like any file, a PDF that
 * fails with a plain message and a way to the evidence page, collector calls in the result, and the case's
 * jobs listed again (what the page shows after a reload).
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../../src/app/context.js';
import { buildSyntheticBackup } from '../../src/import/iphone/synthetic.js';
import { wav } from '../../src/import/recording-testing.js';
import { buildServer, type HuxunServer } from '../../src/server/app.js';
import { pickIphoneBackup, storedZip } from '../../web/src/lib/iphoneBackup.js';

let opened: OpenedApp;
let app: HuxunServer;
beforeAll(async () => {
  opened = await openApp({ dataDir: mkdtempSync(join(tmpdir(), 'huxun-import-page-')) });
  app = await buildServer(opened.ctx);
});
afterAll(async () => {
  await app.close();
  await opened.close();
});
const call = (o: InjectOptions) => app.inject({ ...o, headers: { ...o.headers, 'x-huxun-key': app.secret } });

interface Job { id: string; state: string; error?: string; detail?: string; hint?: string | null; file: string; result?: Record<string, unknown> }

async function upload(name: string, body: Buffer): Promise<Job> {
  const r = await call({ method: 'POST', url: '/api/imports', headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) }, payload: body });
  expect(r.statusCode, r.body).toBe(202);
  const id = r.json<{ id: string }>().id;
  for (let i = 0; i < 400; i++) {
    const j = (await call({ method: 'GET', url: `/api/jobs/${id}` })).json<Job>();
    if (j.state !== 'running') return j;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('import job did not finish');
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}

describe('import page API', () => {
  it('imports the zip the page packs from an iPhone backup folder', async () => {
    const base = mkdtempSync(join(tmpdir(), 'hx-page-iphone-'));
    const dir = join(base, '00008110-001A2B3C4D5E801E');
    buildSyntheticBackup(dir);
    const files = walk(dir).map((p) => Object.assign(new File([readFileSync(p)], p.split('/').pop()!), { webkitRelativePath: relative(base, p) }));
    const pick = pickIphoneBackup(files);
    if (!pick.ok) throw new Error('not picked');
    const zip = Buffer.from(await (await storedZip(pick.files)).arrayBuffer());
    const j = await upload('iPhone-00008110-001A2B3C4D5E801E.zip', zip);
    expect(j.state, j.error).toBe('done');
    expect(j.result).toMatchObject({ format: 'iphone-backup', eventsAdded: 7, contactsAdded: 2 });
    expect(j.result).toHaveProperty('collectorCalls');
  });

  it('imports a recording and says which call it belongs to', async () => {
    const j = await upload('13900001111_20260302092510.wav', wav(1));
    expect(j.state, j.error).toBe('done');
    expect(j.result).toMatchObject({ format: 'call-recording', recording: { linked: 'existing-call', durationS: 1 } });
  });

  it('a PDF fails with a plain message, the parser detail kept, and a way to the evidence page', async () => {
    const j = await upload('借款合同.pdf', Buffer.from('%PDF-1.7\n1 0 obj\n'));
    expect(j.state).toBe('failed');
    expect(j.error).toMatch(/^「借款合同\.pdf」是 PDF 文件/);
    expect(j.hint).toBe('evidence');
    expect(j.detail).toMatch(/PDF/);
    const text = (j as Job & { errorText: { zh: string; en: string } }).errorText;
    expect(text.zh).toMatch(/^「借款合同\.pdf」是 PDF 文件.*「证据」页/);
    expect(text.en).toMatch(/is a PDF.*Evidence page/);
  });

  it('lists the case\'s import jobs, newest first (the page after a reload)', async () => {
    const r = await call({ method: 'GET', url: '/api/jobs' });
    expect(r.statusCode).toBe(200);
    const jobs = r.json<Job[]>();
    expect(jobs.map((j) => j.file)).toEqual(['借款合同.pdf', '13900001111_20260302092510.wav', 'iPhone-00008110-001A2B3C4D5E801E.zip']);
    expect(jobs.map((j) => j.state)).toEqual(['failed', 'done', 'done']);
    const noKey = await app.inject({ method: 'GET', url: '/api/jobs' });
    expect(noKey.statusCode).toBe(401);
    expect(JSON.stringify(jobs)).not.toContain(opened.ctx.dataDir);
  });

  it('another data folder served by the same process sees none of these jobs', async () => {
    const other = await openApp({ dataDir: mkdtempSync(join(tmpdir(), 'huxun-import-page-2-')) });
    const app2 = await buildServer(other.ctx);
    try {
      const r = await app2.inject({ method: 'GET', url: '/api/jobs', headers: { 'x-huxun-key': app2.secret } });
      expect(r.json()).toEqual([]);
    } finally {
      await app2.close();
      await other.close();
    }
  });
});
