/**
 * verifyBundle's limits (issue 10): a zip bomb, a header that lies, an over-long records line and an
 * oversized case.json are refused with bounded memory, before or while streaming, never by inflating whole.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import * as yauzl from 'yauzl';
import { appendRecord, type EvidenceRecord } from '../domain/evidence/index.js';
import { BUNDLE_CASE_MAX_BYTES, BUNDLE_MAX_RATIO } from '../domain/limits.js';
import { verifyBundle, writeBundle } from './bundle.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'huxun-verify-limits-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Source = Buffer | (() => Iterable<Buffer>);

/** A zip written by yazl, streaming: generated entries are never held whole. */
async function zipOf(path: string, entries: { name: string; data: Source; compress?: boolean }[]): Promise<Buffer> {
  const z = new ZipFile();
  for (const e of entries) {
    if (Buffer.isBuffer(e.data)) z.addBuffer(e.data, e.name, { compress: e.compress ?? true });
    else z.addReadStream(Readable.from(e.data()), e.name, { compress: e.compress ?? true });
  }
  z.end();
  const chunks: Buffer[] = [];
  for await (const c of z.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  const buf = Buffer.concat(chunks);
  writeFileSync(path, buf);
  return buf;
}

function* zeros(total: number, chunk = 1 << 20): Iterable<Buffer> {
  const z = Buffer.alloc(chunk);
  for (let n = 0; n < total; n += chunk) yield n + chunk <= total ? z : z.subarray(0, total - n);
}

/** Rewrites the uncompressed size of the central-directory record of `name` (a crafted header). */
function patchUncompressedSize(zip: Buffer, name: string, size: number): Buffer {
  for (let i = zip.length - 22; i >= 0; i--) {
    if (zip.readUInt32LE(i) !== 0x02014b50) continue;
    const nameLen = zip.readUInt16LE(i + 28);
    if (zip.toString('utf8', i + 46, i + 46 + nameLen) !== name) continue;
    zip.writeUInt32LE(size, i + 24);
    return zip;
  }
  throw new Error(`${name} not in the central directory`);
}

const rssMB = () => process.memoryUsage().rss / 2 ** 20;

describe('verifyBundle limits', () => {
  it('refuses an entry of 256 MiB of zeros as a zip bomb before inflating it', async () => {
    const path = join(dir, 'bomb.zip');
    await zipOf(path, [
      { name: 'b/case.json', data: Buffer.from('{}') },
      { name: 'b/attachments/0000', data: () => zeros(256 * 2 ** 20) },
    ]);
    const before = rssMB();
    const r = await verifyBundle(path);
    expect(r).toMatchObject({ ok: false, problem: 'zip_bomb', file: 'b/attachments/0000' });
    expect(rssMB() - before).toBeLessThan(64);
  });

  it('refuses a header that claims 4 GiB, before inflating', async () => {
    const path = join(dir, 'claims.zip');
    const buf = await zipOf(path, [{ name: 'b/records.jsonl', data: () => zeros(8 * 2 ** 20) }]);
    writeFileSync(path, patchUncompressedSize(buf, 'b/records.jsonl', 0xfffffff0));
    const r = await verifyBundle(path);
    expect(r).toMatchObject({ ok: false, problem: 'zip_bomb' });
    expect(r.ok ? '' : r.message).toMatch(/4294967280/);
  });

  it('counts the bytes it inflates: an entry that inflates past what its header says is refused while streaming', async () => {
    const path = join(dir, 'lies.zip');
    const buf = await zipOf(path, [{ name: 'b/attachments/0000', data: () => zeros(64 * 2 ** 20) }]);
    // 1 MiB claimed: within the ratio and the budget, so only the count can catch it.
    writeFileSync(path, patchUncompressedSize(buf, 'b/attachments/0000', 2 ** 20));
    const before = rssMB();
    const r = await verifyBundle(path);
    expect(r).toMatchObject({ ok: false, problem: 'zip_bomb' });
    expect(rssMB() - before).toBeLessThan(64);
  });

  it('refuses a case.json over its cap without reading it', async () => {
    const path = join(dir, 'case.zip');
    await zipOf(path, [{ name: 'b/case.json', data: Buffer.alloc(BUNDLE_CASE_MAX_BYTES + 1, 0x20), compress: false }]);
    expect(await verifyBundle(path)).toMatchObject({ ok: false, problem: 'too_large', file: 'b/case.json' });
  });

  it('checks a 200 MiB records.jsonl with no line end in a process limited to 128 MiB of heap, and refuses it', async () => {
    // Compressible enough to stay under the ratio cap, too big for the old whole-file buffer in a small heap.
    const block = Buffer.from(randomBytes(768).toString('base64'));
    const total = 200 * 2 ** 20;
    const path = join(dir, 'long-line.zip');
    const zip = await zipOf(path, [
      { name: 'b/manifest.sha256', data: Buffer.from('') },
      {
        name: 'b/records.jsonl',
        data: function* () {
          const chunk = Buffer.concat(Array.from({ length: 1024 }, () => block));
          // A little fresh randomness in every MiB keeps the ratio near 60×.
          for (let n = 0; n < total; n += chunk.length) yield Buffer.concat([chunk.subarray(4096), Buffer.from(randomBytes(3072).toString('base64'))]);
        },
      },
    ]);
    expect(total / zip.length).toBeLessThan(BUNDLE_MAX_RATIO);
    const script = join(dir, 'verify-child.mts');
    writeFileSync(script, `import { verifyBundle } from ${JSON.stringify(new URL('./bundle.ts', import.meta.url).pathname)};\nconst r = await verifyBundle(process.argv[2]);\nprocess.stdout.write(JSON.stringify({ ...(r.ok ? r : { problem: r.problem, message: r.message, record: r.record }), maxRssMiB: process.resourceUsage().maxRSS / 1024 }));\n`);
    const out = execFileSync(process.execPath, ['--max-old-space-size=128', '--import', 'tsx', script, path], { cwd: new URL('../..', import.meta.url).pathname, encoding: 'utf8', timeout: 120_000 });
    const r = JSON.parse(out) as { problem: string; message: string; record?: { reason: string }; maxRssMiB: number };
    // The whole-file read this replaces peaked at ~700 MiB here; streaming stays near Node's own ~130 MiB.
    expect(r.maxRssMiB).toBeLessThan(300);
    expect(r.problem).toBe('chain');
    expect(r.record?.reason).toBe('malformed');
    expect(r.message).toMatch(/longer than/);
    expect(readFileSync(path).length).toBe(zip.length);
  }, 180_000);

  it('decides on redacted records from case.json wherever it sits in the zip (the chain streams first)', async () => {
    const T0 = Date.UTC(2026, 0, 5);
    const a = appendRecord(null, 'contact', { name: '张三', numbers: ['13812345678'], relation: '母亲' }, T0);
    const records: EvidenceRecord[] = [a, appendRecord(a, 'event', { text: '联系你母亲张三 13812345678', number: '13900001111' }, T0 + 1)];
    const path = join(dir, 'redacted.zip');
    await writeBundle(path, { records, events: [], caseInfo: { title: 't', exportedAt: T0 }, redactThirdParties: true, folder: 'b' });
    expect(await verifyBundle(path)).toMatchObject({ ok: true, redactedRecords: 2 });
    // The same zip with records.jsonl first and a case.json that says it is not redacted (manifest kept in step).
    const zip = await yauzl.openPromise(path, { lazyEntries: true });
    const files = new Map<string, Buffer>();
    for await (const e of zip.eachEntry()) {
      const chunks: Buffer[] = [];
      for await (const c of (await zip.openReadStreamPromise(e)) as AsyncIterable<Buffer>) chunks.push(c);
      files.set(e.fileName, Buffer.concat(chunks));
    }
    zip.close();
    const caseJson = Buffer.from(files.get('b/case.json')!.toString().replace('"redacted": true', '"redacted": false'));
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const manifest = Buffer.from(files.get('b/manifest.sha256')!.toString().replace(sha(files.get('b/case.json')!), sha(caseJson)));
    const order = ['b/records.jsonl', ...[...files.keys()].filter((n) => n !== 'b/records.jsonl')];
    const rewritten = join(dir, 'redacted-2.zip');
    await zipOf(rewritten, order.map((name) => ({ name, data: name === 'b/case.json' ? caseJson : name === 'b/manifest.sha256' ? manifest : files.get(name)! })));
    expect(await verifyBundle(rewritten)).toMatchObject({ ok: false, problem: 'chain', record: { index: 0, seq: 1, reason: 'redacted_not_allowed' } });
  });
});
