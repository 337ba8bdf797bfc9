/**
 * Rollback in one click, through the API (issue 10): a restore staged from a backup is applied at the next
 * open and keeps the replaced database; GET /api/restore-points lists that copy (no paths) and
 * POST /api/restore-points/rollback stages it, so that after the next open the original data is back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app/context.js';
import { addManualEvent } from '../../src/app/timeline.js';
import { buildServer } from '../../src/server/app.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'huxun-rollback-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

type Call = (o: InjectOptions) => Promise<LightMyRequestResponse>;

/** Opens the app on a data folder (applying any staged restore), serves it, runs fn, closes both. */
async function withServer<T>(dataDir: string, fn: (call: Call) => Promise<T>): Promise<T> {
  const opened = await openApp({ dataDir, lockAs: 'server' });
  const app = await buildServer(opened.ctx);
  try {
    return await fn((o) => app.inject({ ...o, headers: { ...o.headers, 'x-huxun-key': app.secret } }));
  } finally {
    await app.close();
    await opened.close();
  }
}

const texts = async (call: Call) => {
  const r = await call({ method: 'GET', url: '/api/events' });
  expect(r.statusCode, r.body).toBe(200);
  return JSON.stringify(r.json());
};

describe('restore points and rollback (API, real SQLite)', () => {
  it('restore, list the kept copy, roll back to it, and the original data is back', async () => {
    // A backup of another case, downloaded from its own server.
    const other = tmp();
    const seed = await openApp({ dataDir: other });
    await addManualEvent(seed.ctx, { kind: 'note', at: '2026-06-01 09:00', text: '备份里的记录 from the backup' });
    await seed.close();
    const backup = await withServer(other, async (call) => {
      const r = await call({ method: 'GET', url: '/api/backup' });
      expect(r.statusCode).toBe(200);
      return r.rawPayload;
    });

    // The person's own data, and a restore of that backup staged over it.
    const mine = tmp();
    const o = await openApp({ dataDir: mine });
    await addManualEvent(o.ctx, { kind: 'note', at: '2026-06-02 10:00', text: '原来的记录 original data' });
    await o.close();
    await withServer(mine, async (call) => {
      expect(await texts(call)).toContain('original data');
      const none = await call({ method: 'GET', url: '/api/restore-points' });
      expect(none.statusCode).toBe(200);
      expect(none.json()).toEqual([]);
      const staged = await call({ method: 'POST', url: '/api/restore', headers: { 'content-type': 'application/octet-stream' }, payload: backup });
      expect(staged.statusCode, staged.body).toBe(200);
      expect(staged.json()).toEqual({ staged: true });
    });

    // Reopened: the backup is in place, the original kept as a restore point.
    const name = await withServer(mine, async (call) => {
      const now = await texts(call);
      expect(now).toContain('from the backup');
      expect(now).not.toContain('original data');
      const r = await call({ method: 'GET', url: '/api/restore-points' });
      expect(r.statusCode, r.body).toBe(200);
      const points = r.json<{ name: string; at: string; bytes: number; encrypted: boolean }[]>();
      expect(points).toHaveLength(1);
      expect(points[0]).toMatchObject({ name: expect.stringMatching(/^huxun\.db\.before-restore-\d+$/), encrypted: false });
      expect(points[0]!.bytes).toBeGreaterThan(0);
      expect(Date.parse(points[0]!.at)).toBeGreaterThan(Date.now() - 60_000);
      expect(r.body).not.toContain(mine); // names only, no paths

      // An unknown name, or one shaped like a path, is a 404; a missing name a 400.
      for (const bad of ['huxun.db.before-restore-1', '../huxun.db', 'huxun.db']) {
        const nf = await call({ method: 'POST', url: '/api/restore-points/rollback', payload: { name: bad } });
        expect(nf.statusCode, bad).toBe(404);
        expect(nf.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
      }
      expect((await call({ method: 'POST', url: '/api/restore-points/rollback', payload: {} })).statusCode).toBe(400);

      const rb = await call({ method: 'POST', url: '/api/restore-points/rollback', payload: { name: points[0]!.name } });
      expect(rb.statusCode, rb.body).toBe(200);
      expect(rb.json()).toEqual({ staged: true });
      // Staged only: nothing changes until the next start.
      expect(await texts(call)).toContain('from the backup');
      return points[0]!.name;
    });

    // Reopened again: the original data is back, and the restored backup is kept in turn.
    await withServer(mine, async (call) => {
      const now = await texts(call);
      expect(now).toContain('original data');
      expect(now).not.toContain('from the backup');
      const points = (await call({ method: 'GET', url: '/api/restore-points' })).json<{ name: string }[]>();
      expect(points).toHaveLength(2);
      expect(points.map((p) => p.name)).toContain(name);
    });
  });
});
