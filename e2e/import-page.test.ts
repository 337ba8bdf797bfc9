/**
 * The import page in Chromium: an iPhone backup chosen as a folder (packed in the browser into a zip of the
 * few files needed), a PDF that fails with a plain message and a way to the evidence page, and both still
 * shown after a reload. Skipped without /usr/bin/chromium (see app.test.ts).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSyntheticBackup } from '../src/import/iphone/synthetic.js';
import { ensureWebBuilt, ROOT } from './support/build.js';
import { CONTEXT, axeSerious, describeViolations, HAVE_CHROMIUM, launch, screenshot } from './support/browser.js';
import { startTestServer, type TestServer } from './support/server.js';

describe.skipIf(!HAVE_CHROMIUM)('import page (Chromium)', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    await ensureWebBuilt();
    browser = await launch();
    server = await startTestServer();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, ...CONTEXT })).newPage();
    page.on('pageerror', (e) => errors.push(e.message));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('imports an iPhone backup folder, explains a PDF, and shows both again after a reload', { timeout: 120_000 }, async () => {
    await page.goto(`${server.url}#/import`);
    await page.getByRole('heading', { level: 1, name: '导入' }).waitFor();

    const dir = join(mkdtempSync(join(tmpdir(), 'hx-e2e-iphone-')), '00008110-001A2B3C4D5E801E');
    buildSyntheticBackup(dir);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('iphone-folder').click()]);
    await chooser.setFiles(dir);
    const item = page.locator('.import-item', { hasText: 'iPhone-00008110-001A2B3C4D5E801E.zip' });
    await item.and(page.locator('[data-phase=done]')).waitFor({ timeout: 60_000 });
    await expect(item.innerText()).resolves.toMatch(/新增 7 条记录、2 位联系人/);

    await page.locator('input[type=file]').setInputFiles({ name: '借款合同.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj\n') });
    const failed = page.locator('.import-item[data-phase=failed]');
    await failed.waitFor({ timeout: 30_000 });
    const text = await failed.innerText();
    expect(text).toContain('这个文件没能导入');
    expect(text).toContain('是 PDF 文件');
    expect(text).not.toContain('Evidence page'); // the reader's language only
    await expect(failed.getByRole('button', { name: '再试一次' }).count()).resolves.toBe(0);
    await expect(failed.getByRole('button', { name: '去「证据」页添加' }).isVisible()).resolves.toBe(true);
    await page.getByTestId('import-summary').waitFor();
    await expect(page.getByTestId('import-summary').innerText()).resolves.toMatch(/通催收电话/);
    await screenshot(page, 'import-page-iphone-pdf');
    const axe = await axeSerious(page);
    expect(axe, describeViolations(axe)).toEqual([]);

    await page.reload();
    await page.locator('.import-item[data-phase=failed]').waitFor({ timeout: 15_000 });
    await expect(page.locator('.import-item[data-phase=done]').count()).resolves.toBe(1);
    await expect(page.locator('.import-item[data-phase=failed]').innerText()).resolves.toContain('是 PDF 文件');
    await page.getByTestId('import-summary').waitFor();

    await failed.getByRole('button', { name: '去「证据」页添加' }).click();
    await page.waitForURL(/#\/evidence/);
    expect(errors).toEqual([]);
  });

  it('a screenshot whose times are relative asks for the day it was taken inline, then reads only that one again', { timeout: 180_000 }, async () => {
    const truth = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'ocr', 'truth.json'), 'utf8')) as { file: string; takenAt: string }[];
    const takenAt = truth.find((t) => t.file === 'wechat-light.jpg')!.takenAt;
    // The page lists the case's earlier imports once GET /api/jobs answers (the jobs are read from the database):
    // counting its items before that answer raced with it, so the earlier imports are counted from the answer.
    const jobsAnswer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/jobs' && r.request().method() === 'GET');
    await page.goto(`${server.url}#/import`);
    await page.getByRole('heading', { level: 1, name: '导入' }).waitFor();
    const before = ((await (await jobsAnswer).json()) as unknown[]).length;
    await page.locator('input[type=file]').setInputFiles({ name: 'chat.jpg', mimeType: 'image/jpeg', buffer: readFileSync(join(ROOT, 'test', 'fixtures', 'ocr', 'wechat-light.jpg')) });
    const card = page.getByTestId('import-dates');
    await card.waitFor({ timeout: 120_000 });
    await expect(card.innerText()).resolves.toContain('这些截图需要知道是哪天截的');
    // One date for the batch, today in Asia/Shanghai by default; each screenshot's own date follows it until changed.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await expect(page.getByTestId('import-date-all').inputValue()).resolves.toBe(today);
    await expect(card.getByTestId('import-date-one').inputValue()).resolves.toBe(today);
    const item = page.locator('.import-item', { hasText: 'chat.jpg' });
    await expect(item.getByRole('button', { name: '再试一次' }).count()).resolves.toBe(0);
    const axe = await axeSerious(page);
    expect(axe, describeViolations(axe)).toEqual([]);
    await page.getByTestId('import-date-all').fill(takenAt);
    await page.getByTestId('import-date-run').click();
    await item.and(page.locator('[data-phase=done]')).waitFor({ timeout: 120_000 });
    await expect(item.innerText()).resolves.toMatch(/新增 4 条记录/);
    await expect(card.count()).resolves.toBe(0);
    // Only that screenshot was uploaded again: the earlier items are as they were.
    await expect(page.locator('.import-item').count()).resolves.toBe(before + 1);
    await expect(page.locator('.import-item', { hasText: 'chat.jpg' }).count()).resolves.toBe(1);
    await screenshot(page, 'import-page-capture-date');
    expect(errors).toEqual([]);
  });
});
