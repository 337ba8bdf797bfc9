/** Chromium for the E2E tests: Debian's /usr/bin/chromium driven by playwright-core (never `playwright install`). */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './build.js';

export const CHROMIUM = '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const REQUIRE_BROWSER = process.env.HUXUN_REQUIRE_BROWSER === '1';
export const ARTIFACTS = join(ROOT, 'test-artifacts');

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * What every E2E browser context has: Chinese, and reduced motion, so the app turns antd's animations off
 * (web/src/App.tsx THEME): under CI load a click that fell between Playwright's hit check and its dispatch missed a
 * checkbox in a dialog that was still zooming in (e2e/org-accounts, 2026-12-05).
 */
export const CONTEXT = { locale: 'zh-CN', reducedMotion: 'reduce' } as const;

/** The two screens every page is tried on: a laptop and a 375 px phone, downloads allowed. */
export function newDeviceContext(browser: Browser, device: 'desktop' | 'phone'): Promise<BrowserContext> {
  return browser.newContext(
    device === 'phone'
      ? { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, ...CONTEXT, acceptDownloads: true }
      : { viewport: { width: 1280, height: 860 }, ...CONTEXT, acceptDownloads: true },
  );
}

/**
 * Collects the page's uncaught errors and every Content-Security-Policy violation into `into`: the policy
 * must not block anything the UI does (antd styles, echarts, downloads).
 */
export function collectPageErrors(page: Page, into: string[]): string[] {
  page.on('pageerror', (e) => into.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) into.push(m.text());
  });
  return into;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not added as a <script>: the app's Content-Security-Policy (rightly) blocks inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, html: n.html.slice(0, 200), failureSummary: n.failureSummary })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(vs: AxeViolation[]): string {
  return vs.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} ${n.html}\n    ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
}
