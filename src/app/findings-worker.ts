/**
 * Worker-thread side of the findings pool (findings-pool.ts): its own connection to the organisation's PostgreSQL
 * database, opened once; for each job it loads the case's data and runs the rule engine, exactly as the main thread
 * would (loadCaseData, runRules and digestCase, the same functions), and posts the findings and their digest back. Pure reads: nothing is written
 * here (the caller stores the result with the stamp it read).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CN_RULES } from '../domain/rules/cn/index.js';
import { runRules } from '../domain/rules/engine.js';
import { openStore, type Store } from '../store/db.js';
import { digestCase } from './case-digest.js';
import type { AppContext } from './context.js';
import { loadCaseData } from './findings.js';
import type { FindingsJob, FindingsReply } from './findings-pool.js';

if (parentPort) {
  const port = parentPort;
  const { databaseUrl } = workerData as { databaseUrl: string };
  let store: Promise<Store> | null = null;
  port.on('message', async (m: FindingsJob & { id: number }) => {
    try {
      // Fewer connections than the main thread's pool: one job at a time, a few queries at once.
      store ??= openStore({ databaseUrl, migrate: false, poolSize: 3 });
      const ctx: AppContext = { store: await store, caseId: m.caseId, tz: m.tz, dataDir: '', fileKey: null, now: () => Date.now() };
      const caseData = await loadCaseData(ctx);
      const findings = runRules(CN_RULES, caseData);
      port.postMessage({ id: m.id, ok: true, findings, digest: digestCase(findings, caseData), events: caseData.events.length } satisfies FindingsReply);
    } catch (e) {
      const err = e as Error;
      port.postMessage({ id: m.id, ok: false, error: { name: err.name, message: err.message } } satisfies FindingsReply);
    }
  });
}
