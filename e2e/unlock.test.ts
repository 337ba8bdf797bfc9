/**
 * A person who set a data passphrase starts Huxun without it: the page they open from the printed
 * address asks for the passphrase (in Chinese), says so when it is wrong, and opens the overview when
 * it is right. Opened without the key, the page shows how to get in and no data. The CSP blocks
 * nothing on the way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ensureWebBuilt } from './support/build.js';
import { CONTEXT, CHROMIUM, collectPageErrors, HAVE_CHROMIUM, launch, REQUIRE_BROWSER, screenshot } from './support/browser.js';
import { startTestServer, type TestServer } from './support/server.js';

const PASS = '我的护讯密码 2026';

describe.skipIf(!HAVE_CHROMIUM && !REQUIRE_BROWSER)('unlock from the browser', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`${CHROMIUM} is missing (HUXUN_REQUIRE_BROWSER=1)`);
    await ensureWebBuilt();
    browser = await launch();
    server = await startTestServer({ encryptedWith: PASS });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('without the key: how to get in, and nothing else', async () => {
    const context = await browser.newContext({ ...CONTEXT });
    const page = await context.newPage();
    const res = await page.goto(server.origin);
    expect(res?.status()).toBe(401);
    await expect(page.locator('body').innerText()).resolves.toMatch(/完整网址[\s\S]*full address/);
    await context.close();
  });

  it('asks for the passphrase, refuses a wrong one, and opens the overview with the right one', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...CONTEXT });
    const page = await context.newPage();
    const problems = collectPageErrors(page, []);
    await page.goto(server.url);
    // The key left the address bar (303 to "/"), and the page still works through the cookie.
    expect(new URL(page.url()).search).toBe('');
    await page.getByRole('heading', { level: 1, name: '输入数据密码解锁' }).waitFor();
    await expect(page.getByText('忘记密码怎么办？').isVisible()).resolves.toBe(true);
    await expect(page.locator('body').innerText()).resolves.toContain('--data');

    await page.getByLabel('数据密码').fill('不是这个密码');
    await page.getByTestId('unlock-go').click();
    await expect(page.getByRole('alert').filter({ hasText: '密码不对' }).waitFor()).resolves.toBeUndefined();
    await screenshot(page, 'unlock-wrong');

    await page.getByLabel('数据密码').fill(PASS);
    await page.getByLabel('数据密码').press('Enter');
    await page.getByRole('heading', { level: 1, name: '总览' }).waitFor({ timeout: 20_000 });
    await screenshot(page, 'unlock-overview');

    // A reload after unlocking goes straight to the app.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '总览' }).waitFor({ timeout: 20_000 });
    expect(problems).toEqual([]);
    await context.close();
  });
});
