/**
 * runFindings keeps the engine's result per case while nothing it reads has changed (src/app/findings.ts): the same
 * result for an unchanged case, a new one after any change the findings depend on, even a change that writes no
 * evidence record (labels made again by a new classifier, a collector regrouped), and a result nobody can change.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { OpenedApp } from '../src/app/context.js';
import { runFindings } from '../src/app/findings.js';
import { importFiles } from '../src/app/import.js';
import { addManualEvent, markCollector } from '../src/app/timeline.js';
import { updateSettings } from '../src/app/settings.js';
import { engines, openTestApp } from './support/stores.js';
import { join } from 'node:path';

const fixtures = join(import.meta.dirname, 'fixtures', 'import');
const opened: OpenedApp[] = [];
afterAll(async () => {
  for (const o of opened) await o.close();
});

describe.each(engines())('findings kept per case (%s)', (engine) => {
  it('reuses an unchanged case’s result and makes a new one after each kind of change', async () => {
    const o = await openTestApp(engine);
    opened.push(o);
    const ctx = o.ctx;
    expect((await importFiles(ctx, [join(fixtures, 'sms-sample.xml'), join(fixtures, 'calls-sample.xml')])).failed).toEqual([]);
    const a = await runFindings(ctx);
    expect(await runFindings(ctx)).toBe(a);
    expect(Object.isFrozen(a.findings)).toBe(true);
    expect(Object.isFrozen(a.caseData.events[0])).toBe(true);
    expect(() => (a.findings as unknown[]).push(null)).toThrow(TypeError);

    // A new event (an evidence record).
    await addManualEvent(ctx, { kind: 'call', at: '2024-06-12 23:40', number: '13800000000', direction: 'in', duration_s: 30 });
    const b = await runFindings(ctx);
    expect(b).not.toBe(a);
    expect(b.caseData.events.length).toBe(a.caseData.events.length + 1);

    // Labels made again in place, as a relabel does: no evidence record is written.
    const ev = b.caseData.events.find((e) => e.labels.length === 0 && e.kind === 'sms')!;
    await ctx.store.db.updateTable('events').set({ labels: JSON.stringify(['collection', 'threat_violence']) }).where('case_id', '=', ctx.caseId).where('id', '=', ev.id).execute();
    const c = await runFindings(ctx);
    expect(c).not.toBe(b);
    expect(c.caseData.events.find((e) => e.id === ev.id)!.labels).toEqual(['collection', 'threat_violence']);

    // A collector the person marks, and the time zone.
    await markCollector(ctx, '某催收', ['13800000000'], null);
    const d = await runFindings(ctx);
    expect(d).not.toBe(c);
    await updateSettings(ctx, { tz: 'Asia/Urumqi' });
    const e = await runFindings(ctx);
    expect(e).not.toBe(d);
    expect(e.caseData.tz).toBe('Asia/Urumqi');
    expect(await runFindings(ctx)).toBe(e);
  });
});

describe('findings kept for a bounded number of cases', () => {
  it('keeps the most recently used cases only', async () => {
    const o = await openTestApp('sqlite');
    opened.push(o);
    const { forCase } = await import('../src/app/context.js');
    const { createCase } = await import('../src/store/repo.js');
    const { FINDINGS_CACHE_CASES } = await import('../src/app/findings.js');
    const ctxs = [o.ctx];
    for (let i = 0; i < FINDINGS_CACHE_CASES; i++) ctxs.push((await forCase(o.ctx, await createCase(o.ctx.store.db, `c${i}`, 'Asia/Shanghai', 0, null)))!);
    const first = await runFindings(ctxs[0]!);
    expect(await runFindings(ctxs[0]!)).toBe(first);
    for (const c of ctxs.slice(1)) await runFindings(c); // one more case than are kept: the first is dropped
    expect(await runFindings(ctxs[0]!)).not.toBe(first);
    const again = await runFindings(ctxs[0]!);
    expect(await runFindings(ctxs[0]!)).toBe(again);
  });
});
