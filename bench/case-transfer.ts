/**
 * Case transfer benchmark (prints figures; not a test): a generated SMS backup (bench/gen-sms.ts: collection and
 * ordinary messages, MMS images) imported into a local SQLite case, exported to a .hxcase file and imported into a
 * second SQLite store as a new case. Prints events, file size, wall and CPU time of each step and the process's
 * peak RSS, which must not grow with the case (both directions stream).
 *
 *   node --import tsx bench/case-transfer.ts [MB of SMS backup, default 50]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportCaseFile, importCaseFile } from '../src/app/case-transfer.js';
import { openApp } from '../src/app/context.js';
import { importFiles } from '../src/app/import.js';
import { generateSmsBackup } from './gen-sms.js';

const rssMB = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await fn();
  const cpu = process.cpuUsage(c0);
  console.log(`${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU; peak RSS so far ${rssMB()} MB`);
  return r;
}

export async function runCaseTransferBench(mb = 50): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'huxun-bench-transfer-'));
  try {
    const xml = join(dir, 'sms.xml');
    await generateSmsBackup(xml, mb * 2 ** 20, 7);
    const src = await openApp({ dataDir: join(dir, 'a') });
    const dst = await openApp({ dataDir: join(dir, 'b') });
    try {
      await timed(`import ${mb} MB SMS backup`, () => importFiles(src.ctx, [xml]));
      const file = join(dir, 'case.hxcase');
      const ex = await timed('export case file', () => exportCaseFile(src.ctx, file, 'bench-passphrase'));
      console.log(`  ${ex.events} events, ${ex.evidence} evidence records, ${ex.attachments} attachments, ${(statSync(file).size / 2 ** 20).toFixed(1)} MB`);
      const im = await timed('import case file as a new case', () => importCaseFile(dst.ctx.store, dst.ctx.dataDir, file, 'bench-passphrase', { ownerUserId: null, now: Date.now(), fileKey: dst.ctx.fileKey }));
      console.log(`  case #${im.caseId}: ${im.events} events, ${im.evidence} records (chain verified), ${im.attachments} attachments; load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    } finally {
      await src.close();
      await dst.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runCaseTransferBench(Number(process.argv[2] ?? 50));
