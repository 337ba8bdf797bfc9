/**
 * Findings are kept per case in the derived table case_findings with the stamp of the data they were made for
 * (src/app/findings.ts, src/app/case-stamp.ts): a stored result equals a fresh run of the engine, an unchanged case
 * is read back without computing, and any change the findings depend on makes a new one, also changes that write no
 * evidence record (labels made again in place; a collector marked). On PostgreSQL they are computed in a worker thread (src/app/findings-pool.ts): the same result as in
 * this thread, and a worker that dies fails its request with an error that says so.
 */
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { forCase, type AppContext, type OpenedApp } from '../src/app/context.js';
import { caseFindings, findingsRefreshed, findingsStats, FINDINGS_CACHE_EVENTS, keepFindingsFresh, listFindings, loadCaseData, runFindings } from '../src/app/findings.js';
import { FindingsPool } from '../src/app/findings-pool.js';
import { importFiles } from '../src/app/import.js';
import { addLoan, loanFromSimpleTerms } from '../src/app/loans.js';
import { addUserLpr } from '../src/app/lpr.js';
import { caseChanged, refreshDerived } from '../src/app/derived.js';
import { caseSummaries } from '../src/app/org-report.js';
import { updateSettings } from '../src/app/settings.js';
import { addManualEvent, markCollector } from '../src/app/timeline.js';
import { CN_RULES } from '../src/domain/rules/cn/index.js';
import { runRules } from '../src/domain/rules/engine.js';
import { createCase } from '../src/store/repo.js';
import { engines, openTestApp, PG_URL } from './support/stores.js';

const fixtures = join(import.meta.dirname, 'fixtures', 'import');
const opened: OpenedApp[] = [];
afterAll(async () => {
  for (const o of opened) await o.close();
});

/** What the engine makes of the case as it is now, computed here from scratch. */
async function fresh(ctx: AppContext) {
  return JSON.parse(JSON.stringify(runRules(CN_RULES, await loadCaseData(ctx)))) as unknown;
}

/** The case's findings and whether reading them computed a new result. */
async function read(ctx: AppContext) {
  const before = findingsStats(ctx.store).computed;
  const findings = await caseFindings(ctx);
  return { findings: JSON.parse(JSON.stringify(findings)) as unknown, computed: findingsStats(ctx.store).computed - before };
}

/** A case with a loan, its collector texting (insults, a threat to tell contacts, one plain message) and calling at night. */
async function seed(ctx: AppContext): Promise<void> {
  const loan = await addLoan(ctx, loanFromSimpleTerms({ lenderName: '速借花', lenderType: 'microloan', contractDate: '2025-03-01', principalFen: 1_000_000, receivedFen: 900_000, periods: 12, installmentFen: 120_000 }));
  const number = '17012345678';
  for (const [at, text] of [
    ['2026-01-05 10:00', '再不还钱就把你欠钱的事发给你通讯录里所有人'],
    ['2026-01-05 23:30', '你这个老赖，不要脸的东西'],
    ['2026-01-06 11:00', '明天下午三点开会，记得带材料。'],
  ]) await addManualEvent(ctx, { kind: 'sms', at: at!, number, text });
  await addManualEvent(ctx, { kind: 'call', at: '2026-01-06 23:10', number, direction: 'in', duration_s: 40 });
  await markCollector(ctx, '速借花催收', [number], null, loan.loan.id!);
}

async function storedStamp(ctx: AppContext): Promise<string | undefined> {
  return (await sql<{ stamp: string }>`select stamp from case_findings where case_id = ${ctx.caseId}`.execute(ctx.store.db)).rows[0]?.stamp;
}

describe.each(engines())('findings kept per case in case_findings (%s)', (engine) => {
  it('equal a fresh run, are read back while nothing changes, and are made again after each kind of change', async () => {
    const o = await openTestApp(engine);
    opened.push(o);
    const ctx = o.ctx;
    await seed(ctx);

    const a = await read(ctx);
    expect(a.computed).toBe(1);
    expect(a.findings).toEqual(await fresh(ctx));
    expect((a.findings as unknown[]).length).toBeGreaterThan(0);
    const stamp = await storedStamp(ctx);
    expect(stamp).toBeTruthy();
    // Unchanged: the stored row, not a new run (also through the list the API answers).
    const again = await read(ctx);
    expect(again).toEqual({ findings: a.findings, computed: 0 });
    const views = findingsStats(ctx.store).computed;
    expect((await listFindings(ctx)).map((f) => f.rule)).toEqual((a.findings as { rule: string }[]).map((f) => f.rule));
    expect(findingsStats(ctx.store).computed).toBe(views);

    // After a change a new result is made: by this read, or already by the refresh a server starts after each change
    // (refreshFindingsLater), so what is checked is the stored row: a new stamp, equal to a fresh run, then kept.
    let last = stamp;
    const changed = async (what: string) => {
      const r = await read(ctx);
      const now = await storedStamp(ctx);
      expect(now, what).not.toBe(last);
      expect(r.findings, what).toEqual(await fresh(ctx));
      expect((await read(ctx)).findings, `${what}, read again`).toEqual(r.findings);
      expect(await storedStamp(ctx), `${what}, read again`).toBe(now);
      last = now;
      return r;
    };

    // A new event (an evidence record).
    await addManualEvent(ctx, { kind: 'call', at: '2024-06-12 23:40', number: '13800000000', direction: 'in', duration_s: 30 });
    await changed('a new event');

    // Labels made again in place, as relabel.ts does (rows updated, then refreshDerived): no evidence record.
    const events = (await loadCaseData(ctx)).events;
    const plain = events.find((e) => e.labels.length === 0 && e.kind === 'sms')!;
    const relabel = async (labels: string[]) => {
      await ctx.store.db.updateTable('events').set({ labels: JSON.stringify(labels) }).where('case_id', '=', ctx.caseId).where('id', '=', plain.id).execute();
      await refreshDerived(ctx);
    };
    await relabel(['collection', 'threat_violence']);
    const relabelled = await changed('labels made again in place');
    expect(JSON.stringify(relabelled.findings)).toContain(String(plain.id));
    await relabel(['collection', 'insult']);
    await changed('one label for another');
    // A change made around the app's functions is seen once it says so (caseChanged, which refreshDerived calls).
    await ctx.store.db.updateTable('events').set({ labels: JSON.stringify(['collection', 'threat_violence']) }).where('case_id', '=', ctx.caseId).where('id', '=', plain.id).execute();
    await caseChanged(ctx);
    await changed('a change by hand, then caseChanged');

    // A loan, a collector the person marks, and the time zone.
    const before = (relabelled.findings as { rule: string }[]).filter((f) => f.rule === 'cn.over-legal-line').length;
    await addLoan(ctx, loanFromSimpleTerms({ lenderName: '快易借', lenderType: 'platform', contractDate: '2024-03-01', principalFen: 1_000_000, receivedFen: 600_000, periods: 12, installmentFen: 100_000 }));
    const withLoan = await changed('a loan');
    expect((withLoan.findings as { rule: string }[]).filter((f) => f.rule === 'cn.over-legal-line').length).toBeGreaterThan(before);
    await markCollector(ctx, '某催收', ['13800000000'], null);
    await changed('a marked collector');
    await updateSettings(ctx, { tz: 'Asia/Urumqi' });
    await changed('the time zone');
    // An LPR quote the person entered (a setting the over-line rule reads), then the same quote corrected to figures of
    // the same length: the stamp once summed the settings' lengths and missed the correction.
    await addUserLpr(ctx, { date: '2026-10-20', oneYearPct: 3.1, fiveYearPct: 3.6, source: '中国货币网公告' });
    await changed('an LPR quote');
    await addUserLpr(ctx, { date: '2026-10-20', oneYearPct: 3.2, fiveYearPct: 3.7, source: '中国货币网公告' });
    await changed('the same LPR quote corrected');
    expect(await storedStamp(ctx)).not.toBe(stamp);
  });

  it('the case list reads the same stored result: its digest is made once and kept under the same stamp', async () => {
    const o = await openTestApp(engine);
    opened.push(o);
    const ctx = o.ctx;
    await seed(ctx);
    await caseFindings(ctx);
    const n = findingsStats(ctx.store).computed;
    const [s] = await caseSummaries(ctx.store, [ctx.caseId]);
    expect(findingsStats(ctx.store).computed).toBe(n); // the findings were current: not run again for the digest
    expect(s!.findings.total).toBe((await caseFindings(ctx)).length);
    const insults = s!.findings.by_rule.find((r) => r.rule === 'cn.insult')?.events ?? 0;
    await ctx.store.db.updateTable('events').set({ labels: JSON.stringify(['collection', 'insult']) }).where('case_id', '=', ctx.caseId).where('kind', '=', 'sms').execute();
    await caseChanged(ctx);
    const [t] = await caseSummaries(ctx.store, [ctx.caseId]);
    expect(findingsStats(ctx.store).computed).toBe(n + 1); // one stamp for both: the relabel reached the case list too
    expect(t!.findings.by_rule.find((r) => r.rule === 'cn.insult')!.events).toBe(3);
    expect(insults).toBeLessThan(3);
  });
});

describe('results with their events kept in memory (SQLite, the local app)', () => {
  it('are shared while unchanged, frozen, and bounded by events', async () => {
    const o = await openTestApp('sqlite');
    opened.push(o);
    const ctx = o.ctx;
    expect((await importFiles(ctx, [join(fixtures, 'sms-sample.xml'), join(fixtures, 'calls-sample.xml')])).failed).toEqual([]);
    const a = await runFindings(ctx);
    expect(await runFindings(ctx)).toBe(a);
    expect(Object.isFrozen(a.findings)).toBe(true);
    expect(Object.isFrozen(a.caseData.events[0])).toBe(true);
    expect(() => (a.findings as unknown[]).push(null)).toThrow(TypeError);
    await addManualEvent(ctx, { kind: 'call', at: '2024-06-12 23:40', number: '13800000000', direction: 'in', duration_s: 30 });
    const b = await runFindings(ctx);
    expect(b).not.toBe(a);
    expect(b.caseData.events.length).toBe(a.caseData.events.length + 1);

    // Empty cases hold no events: many fit; the bound is on events, and the latest case is always kept.
    expect(a.caseData.events.length).toBeLessThan(FINDINGS_CACHE_EVENTS);
    const other = (await forCase(ctx, await createCase(ctx.store.db, 'other', 'Asia/Shanghai', 0, null)))!;
    const c = await runFindings(other);
    expect(await runFindings(other)).toBe(c);
    expect(await runFindings(ctx)).toBe(b);
  });
});

describe.skipIf(!PG_URL)('findings computed in a worker thread (PostgreSQL)', () => {
  it('gives the result this thread gives, and the server’s findings requests use it', async () => {
    const o = await openTestApp('postgres');
    opened.push(o);
    const ctx = o.ctx;
    expect((await importFiles(ctx, [join(fixtures, 'sms-sample.xml'), join(fixtures, 'calls-sample.xml')])).failed).toEqual([]);
    const pool = new FindingsPool(ctx.store.url!, 1);
    try {
      const r = await pool.run({ caseId: ctx.caseId, tz: ctx.tz });
      expect(JSON.parse(JSON.stringify(r.findings))).toEqual(await fresh(ctx));
      expect(r.events).toBe((await loadCaseData(ctx)).events.length);
    } finally {
      await pool.close();
    }
    // Through the app function: computed in a worker, not on the event loop that answers the other requests.
    const before = { ...findingsStats(ctx.store) };
    await caseFindings(ctx);
    expect(findingsStats(ctx.store).computed - before.computed).toBe(1);
    expect(findingsStats(ctx.store).inWorker - before.inWorker).toBe(1);
  });

  it('a server that keeps findings fresh makes them again after a change, before anyone asks', async () => {
    const o = await openTestApp('postgres');
    opened.push(o);
    const ctx = o.ctx;
    await seed(ctx);
    keepFindingsFresh(ctx.store);
    await caseFindings(ctx);
    const before = await storedStamp(ctx);
    expect(findingsRefreshed(ctx.store, ctx.caseId)).toBeUndefined(); // seeded before the store was kept fresh
    await addManualEvent(ctx, { kind: 'sms', at: '2026-01-07 11:00', number: '17012345678', text: '你这个废物，老赖' });
    await findingsRefreshed(ctx.store, ctx.caseId);
    expect(await storedStamp(ctx)).not.toBe(before);
    // The page then reads the stored result: nothing left to compute, and it is the current one.
    const r = await read(ctx);
    expect(r.computed).toBe(0);
    expect(r.findings).toEqual(await fresh(ctx));
  });

  it('a worker that dies fails its job with an error that says so, and the next job gets a new worker', async () => {
    const crash = new FindingsPool(PG_URL, 1, new URL('./fixtures/workers/findings-crash.mjs', import.meta.url));
    try {
      await expect(crash.run({ caseId: 1, tz: 'Asia/Shanghai' })).rejects.toThrow(/findings worker stopped \(exit code 3\)/);
      expect(crash.busy).toBe(0);
      // Queued behind a crash: each job fails on its own worker, none is left waiting.
      const both = await Promise.allSettled([crash.run({ caseId: 1, tz: 'Asia/Shanghai' }), crash.run({ caseId: 2, tz: 'Asia/Shanghai' })]);
      expect(both.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      expect(crash.busy).toBe(0);
    } finally {
      await crash.close();
    }
    await expect(crash.run({ caseId: 1, tz: 'Asia/Shanghai' })).rejects.toThrow(/stopped/);
  });
});
