/**
 * End-to-end import benchmark: a generated SMS backup imported through the app (parse, classify,
 * dedupe, evidence chain, SQLite writes), against the bare saxes parse of the same file.
 * Each phase runs in its own process so that peak RSS is that phase's own.
 *
 *   npx tsx bench/import.ts [MB=500]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateSmsBackup } from './gen-sms.js';

const here = fileURLToPath(new URL('.', import.meta.url));

export interface ImportBenchResult {
  mb: number;
  records: number;
  bareSaxesMBs: number;
  bareFastMBs: number;
  importMBs: number;
  importRecordsPerS: number;
  importPeakRssMB: number;
  ratio: number;
}

function child(mode: string, file: string, dataDir?: string): Record<string, number> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'import-child.ts'), mode, file, dataDir ?? ''], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
}

export async function runImportBench(mb = 500, log: (s: string) => void = console.log): Promise<ImportBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'huxun-bench-import-'));
  try {
    const file = join(dir, 'sms.xml');
    const g = await generateSmsBackup(file, mb * 1e6, 7);
    const bytes = statSync(file).size;
    log(`generated ${(bytes / 1e6).toFixed(0)} MB SMS backup: ${g.sms} sms, ${g.mms} mms`);
    const bare = child('bare', file);
    log(`bare saxes parse: ${bare.mbPerS!.toFixed(1)} MB/s, peak RSS ${bare.peakRssMB!.toFixed(0)} MB`);
    const fast = child('fast', file);
    log(`bare fast-tokenizer parse (what the import runs first): ${fast.mbPerS!.toFixed(1)} MB/s, peak RSS ${fast.peakRssMB!.toFixed(0)} MB`);
    const imp = child('import', file, join(dir, 'data'));
    rmSync(join(dir, 'data'), { recursive: true, force: true });
    const job = child('job', file, join(dir, 'data'));
    log(`huxun import as an upload job (the import page's path, polled every 300 ms): ${job.mbPerS!.toFixed(1)} MB/s including staging the upload, peak RSS ${job.peakRssMB!.toFixed(0)} MB`);
    const r: ImportBenchResult = {
      mb: bytes / 1e6,
      records: imp.records!,
      bareSaxesMBs: bare.mbPerS!,
      bareFastMBs: fast.mbPerS!,
      importMBs: imp.mbPerS!,
      importRecordsPerS: imp.recordsPerS!,
      importPeakRssMB: imp.peakRssMB!,
      ratio: imp.mbPerS! / bare.mbPerS!,
    };
    log(`huxun import: ${r.importMBs.toFixed(1)} MB/s, ${Math.round(r.importRecordsPerS)} records/s, peak RSS ${r.importPeakRssMB.toFixed(0)} MB, ${r.records} records`);
    log(`  the writing thread waited ${imp.writerWaitS!.toFixed(1)} s of ${(r.mb / r.importMBs).toFixed(1)} s for the parsing worker`);
    log(`import / bare saxes parse: ${(r.ratio * 100).toFixed(0)}% (target ≥ 50%); import / bare fast-tokenizer parse: ${((r.importMBs / r.bareFastMBs) * 100).toFixed(0)}%; peak RSS target ≤ 300 MB`);
    return r;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runImportBench(Number(process.argv[2] ?? 500));
}
