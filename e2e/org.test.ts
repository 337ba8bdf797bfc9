/**
 * The organisation server in the browser (issue 15): a caseworker logs in, sees the case list, opens a case and
 * the local app's pages load from /api/cases/ID/…; logging out returns to the login form. The CSP blocks nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser } from '../src/app/org/accounts.js';
import { caseContext, createOrgCase } from '../src/app/org/cases.js';
import { addLoan } from '../src/app/loans.js';
import { buildOrgServer } from '../src/server/org.js';
import { makeStore, type TestStore } from '../test/support/stores.js';
import { orgEngine } from '../test/support/org.js';
import { ensureWebBuilt } from './support/build.js';
import { listenLoopback } from './support/server.js';
import { CONTEXT, CHROMIUM, collectPageErrors, HAVE_CHROMIUM, launch, REQUIRE_BROWSER, screenshot } from './support/browser.js';

const PASSWORD = 'correct horse 电池 staple';

describe.skipIf(!HAVE_CHROMIUM && !REQUIRE_BROWSER)('organisation server in the browser', () => {
  let browser: Browser;
  let ts: TestStore;
  let app: Awaited<ReturnType<typeof buildOrgServer>>;
  let origin = '';
  let caseId = 0;
  let invite = '';

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`${CHROMIUM} is missing (HUXUN_REQUIRE_BROWSER=1)`);
    await ensureWebBuilt();
    ts = await makeStore(orgEngine());
    const org = { store: ts.store, dataDir: ts.dataDir, fileKey: null, now: () => Date.now() };
    const u = await createUser(org, { username: 'wang', password: PASSWORD, role: 'caseworker' });
    await createUser(org, { username: 'boss', password: PASSWORD, role: 'supervisor' });
    const made = await createOrgCase(org, { ...u, totp: false }, { name: '张女士' });
    caseId = made.case_id;
    invite = made.invite;
    await addLoan((await caseContext(org, caseId))!, {
      lenderName: '速借花', lenderType: 'platform', contractDate: '2025-03-01', contractPrincipalFen: 1_000_000, receivedFen: 900_000, fees: [], period: 'month',
      schedule: Array.from({ length: 12 }, (_, i) => ({ period: i + 1, dueDate: `${i < 9 ? 2025 : 2026}-${String(((i + 3) % 12) + 1).padStart(2, '0')}-01`, principalFen: i < 11 ? 83_333 : 83_337, interestFen: i < 11 ? 16_667 : 16_663, feeFen: 0, totalFen: 100_000 })),
      payments: [], status: 'overdue',
    });
    app = await buildOrgServer(org);
    origin = await listenLoopback(app);
    browser = await launch();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await ts?.cleanup();
  });

  it('logs in, lists the case, opens it on /api/cases/ID, and logs out', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...CONTEXT });
    const page = await context.newPage();
    const problems = collectPageErrors(page, []);
    const apiCalls: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/api/')) apiCalls.push(u.pathname);
    });
    await page.goto(origin);
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    await page.getByLabel('用户名').fill('wang');
    await page.getByLabel('密码').fill('wrong password 1234');
    await page.getByTestId('org-login').click();
    await page.getByRole('alert').filter({ hasText: '用户名或密码不对' }).waitFor();
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByTestId('org-login').click();
    await page.getByRole('heading', { level: 1, name: '案件' }).waitFor();
    await expect(page.getByText('张女士').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'org-cases');
    // A new case for another borrower: the invite code is shown once.
    await page.getByRole('textbox', { name: '案件名称（例如借款人的称呼）' }).fill('李先生');
    await page.getByRole('button', { name: '新建案件' }).click();
    await expect(page.getByTestId('org-invite').innerText()).resolves.toMatch(/借款人：[0-9A-F]{5}-[0-9A-F]{5}-[0-9A-F]{5}-[0-9A-F]{5}/);
    await page.getByText('李先生').first().waitFor();

    await page.getByTestId(`org-open-${caseId}`).click();
    await page.getByTestId('org-case').waitFor();
    await page.getByRole('heading', { level: 1, name: '总览' }).waitFor({ timeout: 20_000 });
    // The case's own data, through the session: its loan is over the 24 % line, so the next steps name the lender.
    await page.getByText(/速借花 的借款真实年化/).first().waitFor({ timeout: 20_000 });
    await screenshot(page, 'org-case-overview');
    expect(apiCalls).toContain(`/api/cases/${caseId}/overview`);
    // No page asked the local app's case-less paths (they do not exist here).
    expect(apiCalls.filter((p) => !/^\/api\/(auth|org|health|cases\/\d+)\//.test(p + '/'))).toEqual([]);

    // A task for the borrower, from the case desk.
    await page.getByTestId('org-panel').click();
    await page.getByRole('textbox', { name: '任务' }).fill('准备向 12378 投诉');
    await page.getByRole('button', { name: '添加' }).click();
    await page.getByText('准备向 12378 投诉').waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('a supervisor sees every shared case and the per-lender report', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...CONTEXT });
    const page = await context.newPage();
    const problems = collectPageErrors(page, []);
    await page.goto(origin);
    await page.getByLabel('用户名').fill('boss');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByTestId('org-login').click();
    await page.getByRole('heading', { level: 2, name: '各贷款方情况（可用于联合投诉）' }).waitFor();
    await expect(page.locator('body').innerText()).resolves.toMatch(/本机构 2 个案件的汇总/);
    await screenshot(page, 'org-supervisor');
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('the borrower makes an account with the invite, sees the task and what staff did, and withdraws the case', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...CONTEXT });
    const page = await context.newPage();
    const problems = collectPageErrors(page, []);
    await page.goto(origin);
    await page.getByRole('button', { name: '我有邀请码（第一次使用）' }).click();
    await page.getByLabel('邀请码').fill(invite);
    await page.getByLabel('用户名').fill('zhang');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByTestId('org-login').click();
    await page.getByTestId(`org-open-${caseId}`).click();
    await page.getByTestId('org-panel').click();
    await page.getByText('准备向 12378 投诉').waitFor();
    await page.getByRole('tab', { name: '谁查看或修改过这个案件' }).click();
    await page.getByText(/wang · case\.read · GET \/api\/cases\/:caseId\/overview/).first().waitFor();
    await screenshot(page, 'org-borrower-audit');
    await page.getByRole('tab', { name: '分享给机构' }).click();
    await page.getByRole('button', { name: /收回案件/ }).click();
    await page.getByRole('button', { name: /OK|确定/ }).click();
    await page.getByTestId('org-share-state').filter({ hasText: '您已收回这个案件' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
