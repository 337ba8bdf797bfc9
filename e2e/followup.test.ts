/**
 * End to end, 投诉跟进 and 证据报告 (issue 16): the built UI against the real server in Chromium. A person records a
 * complaint sent to a bank's own channel (the 15-day deadline and its basis appear), sets nothing else, sees it on
 * 总览, and opens the evidence report with its night table and chain head; no serious accessibility problems.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureWebBuilt } from './support/build.js';
import { CONTEXT, axeSerious, CHROMIUM, describeViolations, HAVE_CHROMIUM, launch, REQUIRE_BROWSER, screenshot } from './support/browser.js';
import { startTestServer, type TestServer } from './support/server.js';

async function seed(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const schedule = Array.from({ length: 12 }, (_, k) => ({ period: k + 1, dueDate: `2025-${String(k + 1).padStart(2, '0')}-10`, principalFen: 80_000, interestFen: 10_000, feeFen: 0, totalFen: 90_000 }));
    const loan = { lenderName: '某某银行股份有限公司', lenderType: 'bank', contractDate: '2024-12-10', contractPrincipalFen: 960_000, receivedFen: 960_000, fees: [], period: 'month', schedule, payments: [], status: 'overdue' };
    const r = await fetch('/api/loans', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(loan) });
    if (r.status !== 201) throw new Error(`loan: ${r.status} ${await r.text()}`);
    const events = [
      { kind: 'sms', at: '2025-11-02 10:00', number: '13900000001', text: '【某某银行】你已逾期，再不还钱就把你欠钱的事发给你通讯录里所有人' },
      { kind: 'call', at: '2025-11-02 23:20', number: '13900000001', duration_s: 30 },
    ];
    for (const e of events) {
      const x = await fetch('/api/events', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(e) });
      if (x.status !== 201) throw new Error(`event: ${x.status} ${await x.text()}`);
    }
  });
}

if (!HAVE_CHROMIUM) {
  const msg = `${CHROMIUM} is missing: install it with \`apt-get install -y --no-install-recommends chromium fonts-noto-cjk\`.`;
  if (REQUIRE_BROWSER) {
    describe('投诉跟进 end to end', () => {
      it('needs Chromium (HUXUN_REQUIRE_BROWSER=1)', () => {
        throw new Error(msg);
      });
    });
  } else {
    describe.skip(`投诉跟进 end to end (skipped: ${CHROMIUM} missing)`, () => {
      it('runs in Chromium', () => undefined);
    });
  }
} else {
  describe('投诉跟进 end to end', () => {
    let browser: Browser;
    let server: TestServer;
    let context: BrowserContext;
    let page: Page;
    const pageErrors: string[] = [];
    beforeAll(async () => {
      await ensureWebBuilt();
      browser = await launch();
      server = await startTestServer();
      context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...CONTEXT, acceptDownloads: true });
      page = await context.newPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(server.url);
      await page.locator('h1.page-title').first().waitFor();
      await seed(page);
    }, 300_000);
    afterAll(async () => {
      await context?.close();
      await server?.close();
      await browser?.close();
    });

    it('records a complaint with its 受理编号 and shows the bank’s 15-day deadline and its basis', { timeout: 90_000 }, async () => {
      await page.goto(`${server.url}#/followup`);
      await page.getByRole('heading', { level: 1, name: '投诉跟进' }).waitFor();
      await page.locator('#fu-channel').click();
      await page.locator('.ant-select-item-option', { hasText: '贷款机构本身' }).first().click();
      await page.locator('#fu-lender').click();
      await page.locator('.ant-select-item-option', { hasText: '某某银行' }).first().click();
      await page.locator('#fu-ref').fill('TS-001');
      await page.locator('#fu-text').fill('我要投诉贵行委托的催收人员夜间来电并威胁联系我的通讯录。');
      await page.getByRole('button', { name: '记录这次投诉' }).click();
      const card = page.locator('.fu-card').first();
      await card.waitFor({ timeout: 20_000 });
      const text = await card.innerText();
      expect(text).toContain('受理编号：TS-001');
      expect(text).toMatch(/答复期限：\d{4}-\d{2}-\d{2}（15日内办理完毕并告知投诉人）/);
      expect(text).toContain('15日内办理完毕');
      expect(text).toContain('SHA-256');
      await screenshot(page, 'followup-01');
      const v = await axeSerious(page);
      expect(v, describeViolations(v)).toEqual([]);
    });

    it('总览 shows the open complaint; the report shows the night table and the chain head', { timeout: 90_000 }, async () => {
      await page.goto(`${server.url}#/overview`);
      await page.getByText('1 件投诉在等待答复').waitFor({ timeout: 20_000 });
      await page.goto(`${server.url}#/report`);
      await page.getByRole('heading', { level: 1, name: '证据报告' }).waitFor();
      await page.getByText('夜间联系（22:00至次日8:00）').first().waitFor();
      await page.getByText('23:20').first().waitFor({ timeout: 20_000 });
      await expect(page.locator('code.hash').innerText()).resolves.toMatch(/^[0-9a-f]{64}$/);
      await screenshot(page, 'report-01');
      const v = await axeSerious(page);
      expect(v, describeViolations(v)).toEqual([]);
      expect(pageErrors).toEqual([]);
    });

    it('both pages fit a 375 px phone screen without sideways scrolling', { timeout: 90_000 }, async () => {
      const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, ...CONTEXT });
      const p = await phone.newPage();
      try {
        await p.goto(server.url);
        await p.locator('h1.page-title').first().waitFor();
        for (const key of ['followup', 'report']) {
          await p.goto(`${server.url}#/${key}`);
          await p.locator('h1.page-title').first().waitFor();
          await p.waitForLoadState('networkidle');
          await p.locator('.fu-card, .page-report .ant-statistic').first().waitFor({ timeout: 20_000 });
          const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `#/${key} is wider than the screen`).toBeLessThanOrEqual(1);
          const clipped = await p.evaluate(() =>
            [...document.querySelectorAll('main p, main h1, main h2, main h3, main h4, main code, main .ant-tag, main button, main label')]
              .filter((el) => !el.closest('.ant-table') && el.getBoundingClientRect().width > 0)
              .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
              .map((el) => (el.textContent ?? '').slice(0, 40)),
          );
          expect(clipped, `#/${key} has content wider than the screen`).toEqual([]);
          await screenshot(p, `phone-${key}-01`);
        }
      } finally {
        await phone.close();
      }
    });
  });
}
