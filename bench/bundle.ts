/**
 * Evidence bundle throughput: attachments of random bytes totalling N MB (default 500) in a temp folder,
 * exported with writeBundle and checked with verifyBundle; prints MB/s for each.
 *
 *   npx tsx bench/bundle.ts 50
 */
import { createHash, randomFillSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appendAttachment, appendRecord, type EvidenceRecord } from '../src/domain/evidence/index.js';
import { verifyBundle, writeBundle } from '../src/export/bundle.js';

export interface BundleBenchResult {
  attachmentMB: number;
  files: number;
  records: number;
  zipMB: number;
  writeSeconds: number;
  writeMBps: number;
  verifySeconds: number;
  verifyMBps: number;
}

const MB = 1024 * 1024;

/** Writes `bytes` random bytes to path in 1 MiB chunks; returns the sha256. */
async function randomFile(path: string, bytes: number, chunk: Buffer): Promise<string> {
  const h = createHash('sha256');
  const fh = await open(path, 'w');
  try {
    for (let left = bytes; left > 0; ) {
      const n = Math.min(left, chunk.length);
      randomFillSync(chunk, 0, n);
      const part = chunk.subarray(0, n);
      h.update(part);
      await fh.write(part);
      left -= n;
    }
  } finally {
    await fh.close();
  }
  return h.digest('hex');
}

export function printBundleBench(r: BundleBenchResult): void {
  console.log(`bundle: ${r.attachmentMB} MB in ${r.files} attachments, ${r.records} records → zip ${r.zipMB} MB`);
  console.log(`  export  ${r.writeSeconds} s  ${r.writeMBps} MB/s`);
  console.log(`  verify  ${r.verifySeconds} s  ${r.verifyMBps} MB/s`);
}

export async function runBundleBench(opts: { attachmentMB?: number; keep?: boolean } = {}): Promise<BundleBenchResult> {
  const attachmentMB = opts.attachmentMB ?? 500;
  const dir = mkdtempSync(join(tmpdir(), 'huxun-bench-bundle-'));
  try {
    // Attachment sizes cycle through 0.5, 2, 8 and 24 MB: screenshots to call recordings.
    const sizes: number[] = [];
    const cycle = [0.5, 2, 8, 24];
    for (let total = 0, i = 0; total < attachmentMB; i++) {
      const s = Math.min(cycle[i % cycle.length]!, attachmentMB - total);
      sizes.push(Math.round(s * MB));
      total += s;
    }
    const chunk = Buffer.alloc(MB);
    const records: EvidenceRecord[] = [];
    const attachments: { sha256: string; path: string }[] = [];
    const t0 = Date.UTC(2026, 0, 1);
    for (const [i, size] of sizes.entries()) {
      const path = join(dir, `a${i}.bin`);
      const sha256 = await randomFile(path, size, chunk);
      const prev = records[records.length - 1] ?? null;
      const ev = appendRecord(prev, 'event', { kind: 'call', number: '13900001111', at: t0 + i * 60_000, durationS: 60 + i, text: null }, t0 + i * 1000);
      records.push(ev);
      records.push(appendAttachment(ev, { sha256, size, mime: i % 4 === 3 ? 'audio/mp4' : 'image/jpeg', name: `附件-${i + 1}.jpg`, source: 'import', claimed_at: t0 + i * 60_000, event_seq: ev.seq }, t0 + i * 1000 + 1));
      attachments.push({ sha256, path });
    }
    const total = sizes.reduce((a, b) => a + b, 0) / MB;
    const zip = join(dir, 'bundle.zip');

    let t = performance.now();
    await writeBundle(zip, { records, events: [], attachments, caseInfo: { title: 'bench', exportedAt: t0 } });
    const writeSeconds = (performance.now() - t) / 1000;

    t = performance.now();
    const v = await verifyBundle(zip);
    const verifySeconds = (performance.now() - t) / 1000;
    if (!v.ok) throw new Error(`bench bundle did not verify: ${v.message}`);

    const r: BundleBenchResult = {
      attachmentMB: Math.round(total * 10) / 10,
      files: sizes.length,
      records: records.length,
      zipMB: Math.round((statSync(zip).size / MB) * 10) / 10,
      writeSeconds: Math.round(writeSeconds * 100) / 100,
      writeMBps: Math.round(total / writeSeconds),
      verifySeconds: Math.round(verifySeconds * 100) / 100,
      verifyMBps: Math.round(total / verifySeconds),
    };
    return r;
  } finally {
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const mb = Number(process.argv[2] ?? 500);
  if (!Number.isFinite(mb) || mb <= 0) {
    console.error('usage: npx tsx bench/bundle.ts [attachment MB, default 500]');
    process.exit(2);
  }
  printBundleBench(await runBundleBench({ attachmentMB: mb }));
}
