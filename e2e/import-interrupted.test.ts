/**
 * Issue 15: an import whose process stopped (the app was closed mid-import) is shown on the import page as not
 * finished, with what to do, instead of a bar that never moves. The job's row is left as the stopped process left it
 * (running, its last heartbeat just now: the local app takes any other process's running job as over when it starts,
 * since one process uses a data folder); the page finds it through GET /api/jobs after the start. Skipped without
 * /usr/bin/chromium (see app.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openApp } from '../src/app/context.js';
import { startServer } from '../src/server/start.js';
import { ensureWebBuilt } from './support/build.js';
import { CONTEXT, HAVE_CHROMIUM, launch } from './support/browser.js';

describe.skipIf(!HAVE_CHROMIUM)('an interrupted import on the import page (Chromium)', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;
  const dataDir = mkdtempSync(join(tmpdir(), 'huxun-e2e-interrupted-'));

  beforeAll(async () => {
    await ensureWebBuilt();
    // What a process that died mid-import leaves behind.
    const o = await openApp({ dataDir });
    const now = Date.now();
    await o.ctx.store.db
      .insertInto('jobs')
      .values({
        case_id: o.ctx.caseId, id: 'job-of-a-dead-process', kind: 'import', file: '短信备份.xml', state: 'running', stage: 'import', bytes_read: 40_000_000, bytes_total: 120_000_000,
        records: 51_000, added: 0, error_code: null, error: null, error_text: null, hint: null, result: null, owner: 'a-process-that-died',
        heartbeat_at: now, created_at: now - 60_000, updated_at: now,
      })
      .execute();
    await o.close();
    browser = await launch();
    server = await startServer({ dataDir, port: 0, host: '127.0.0.1' });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows it as not finished, with what to do', { timeout: 60_000 }, async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, ...CONTEXT })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}#/import`);
    await page.getByRole('heading', { level: 1, name: '导入' }).waitFor();
    const item = page.locator('.import-item', { hasText: '短信备份.xml' });
    await item.and(page.locator('[data-phase=failed]')).waitFor({ timeout: 15_000 });
    const text = await item.innerText();
    expect(text).toContain('「短信备份.xml」的导入没有完成');
    expect(text).toContain('请重新导入这个文件');
    expect(text).not.toContain('did not finish'); // the reader's language only
    expect(errors).toEqual([]);
  });
});
