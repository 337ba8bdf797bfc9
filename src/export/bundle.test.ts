import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ZipFile } from 'yazl';
import * as yauzl from 'yauzl';
import {
  appendAttachment,
  appendCorrection,
  appendRecord,
  appendTombstone,
  recordsToJsonl,
  verifyChainText,
  type EvidenceRecord,
} from '../domain/evidence/index.js';
import { BundleError, verifyBundle, writeBundle, type BundleAttachment } from './bundle.js';
import { CHAIN_CHECK_SH } from './readme.js';
import { VERIFY_CORE_JS } from './verify-html.js';

const T0 = Date.UTC(2026, 0, 5, 2, 0, 0);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'huxun-bundle-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Case {
  records: EvidenceRecord[];
  events: unknown[];
  files: Map<string, Buffer>;
  png: Buffer;
  txt: Buffer;
  gone: Buffer;
}

function makeCase(): Case {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(70_000, 7)]);
  const txt = Buffer.from('催收员说：“再不还就打给你妈 13812345678”\n'.repeat(50), 'utf8');
  const gone = Buffer.from('误传的照片');
  const rs: EvidenceRecord[] = [];
  const add = (r: EvidenceRecord) => (rs.push(r), r);
  const last = () => rs[rs.length - 1] ?? null;
  add(appendRecord(null, 'contact', { name: '张三', numbers: ['13812345678'], relation: '母亲' }, T0));
  const events = [
    { id: 1, kind: 'sms', number: '13900001111', collectorId: 4, contactId: null, at: T0 - 3_600_000, text: '你再不还钱，我们就联系你母亲张三 138 1234 5678 和你同事 13700002222' },
    { id: 2, kind: 'third_party_report', number: '13900001111', collectorId: 4, contactId: 1, contactNumber: '13812345678', counterpartName: '张三', at: T0 - 1_800_000, text: '妈妈说接到了催收电话' },
  ];
  add(appendRecord(last(), 'event', events[0], T0 + 1));
  add(appendRecord(last(), 'event', events[1], T0 + 2));
  add(appendAttachment(last(), { sha256: sha(png), size: png.length, mime: 'image/png', name: '催收短信截图（张三手机）.png', source: 'contact:1', claimed_at: T0 - 3_000_000, event_seq: 2 }, T0 + 3));
  add(appendAttachment(last(), { sha256: sha(txt), size: txt.length, mime: 'text/plain', name: '通话记录 摘抄.txt', source: 'user', claimed_at: '2026年1月4日', event_seq: 3 }, T0 + 4));
  add(appendAttachment(last(), { sha256: sha(gone), size: gone.length, mime: 'image/jpeg', name: '误传.jpg', source: 'user', claimed_at: null }, T0 + 5));
  add(appendTombstone(last(), 6, '误传，删除', T0 + 6));
  add(appendCorrection(last(), 3, { ...events[1], text: '妈妈说昨晚接到了催收电话' }, '补充时间', T0 + 7));
  const files = new Map([
    [sha(png), png],
    [sha(txt), txt],
    [sha(gone), gone],
  ]);
  return { records: rs, events, files, png, txt, gone };
}

function streamsOf(c: Case): BundleAttachment[] {
  return [...c.files].map(([h, b]) => ({ sha256: h, name: 'x', open: () => Readable.from([b.subarray(0, 10), b.subarray(10)]) }));
}

async function readZip(path: string): Promise<{ name: string; data: Buffer; compress: boolean }[]> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true });
  const out: { name: string; data: Buffer; compress: boolean }[] = [];
  for await (const e of zip.eachEntry()) {
    const rs = await zip.openReadStreamPromise(e);
    const chunks: Buffer[] = [];
    for await (const c of rs as AsyncIterable<Buffer>) chunks.push(c);
    out.push({ name: e.fileName, data: Buffer.concat(chunks), compress: e.compressionMethod === 8 });
  }
  zip.close();
  return out;
}

async function writeZip(path: string, entries: { name: string; data: Buffer; compress: boolean }[]): Promise<void> {
  const z = new ZipFile();
  for (const e of entries) z.addBuffer(e.data, e.name, { compress: e.compress, mtime: new Date(T0) });
  z.end();
  const chunks: Buffer[] = [];
  for await (const c of z.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  writeFileSync(path, Buffer.concat(chunks));
}

function runCore(): {
  readZip(b: Blob): Promise<{ name: string; bytes(): Promise<Uint8Array> }[]>;
  verifyFiles(f: { path: string; bytes(): Promise<Uint8Array> }[], complete: boolean): Promise<{ ok: boolean; problems: { code: string; file?: string; record?: { seq: number | null } }[]; records: number | null; head: string | null; redacted: number }>;
  verifyChainText(t: string, o?: object): Promise<{ ok: boolean; index?: number; reason?: string; head?: string }>;
} {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function(`${VERIFY_CORE_JS}; return HuxunVerify;`)() as ReturnType<typeof runCore>;
}

async function coreOnZip(path: string) {
  const core = runCore();
  const entries = await core.readZip(new Blob([readFileSync(path)]));
  return core.verifyFiles(entries.map((e) => ({ path: e.name, bytes: e.bytes })), true);
}

describe('writeBundle / verifyBundle', () => {
  it('writes a bundle that verifies, with every file listed in the manifest', async () => {
    const c = makeCase();
    const out = join(dir, '证据包.zip');
    const res = await writeBundle(out, { records: c.records, events: c.events, attachments: streamsOf(c), caseInfo: { title: '测试案件 催收证据', exportedAt: T0 + 10 } });
    expect(res).toMatchObject({ records: 8, attachments: 2, attachmentBytes: c.png.length + c.txt.length, redactedRecords: 0, folder: 'huxun-evidence-20260105' });
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const v = await verifyBundle(out);
    expect(v).toEqual({ ok: true, records: 8, attachments: 2, head: c.records[7]!.hash, redactedRecords: 0, files: 8, folder: 'huxun-evidence-20260105' });
    expect(await verifyBundle(out, { expectedHead: c.records[7]!.hash })).toMatchObject({ ok: true });
    expect(await verifyBundle(out, { expectedHead: c.records[6]!.hash })).toMatchObject({ ok: false, problem: 'head_mismatch' });

    const entries = await readZip(out);
    const names = entries.map((e) => e.name.replace('huxun-evidence-20260105/', ''));
    expect(names).toEqual([
      'README.txt',
      'verify.html',
      'case.json',
      'records.jsonl',
      'events.json',
      '附件清单.txt',
      `attachments/${sha(c.png)}`,
      `attachments/${sha(c.txt)}`,
      'manifest.sha256',
    ]);
    expect(names).not.toContain(`attachments/${sha(c.gone)}`); // tombstoned: not exported
    const get = (n: string) => entries.find((e) => e.name.endsWith(n))!;
    expect(get('records.jsonl').data.toString()).toBe(recordsToJsonl(c.records));
    expect(get(`attachments/${sha(c.png)}`).compress).toBe(false); // images stored
    expect(get(`attachments/${sha(c.txt)}`).compress).toBe(true); // text deflated
    const manifest = get('manifest.sha256').data.toString();
    expect(manifest.split('\n').filter(Boolean)).toHaveLength(8);
    for (const e of entries.filter((x) => !x.name.endsWith('manifest.sha256')))
      expect(manifest).toContain(`${sha(e.data)}  ${e.name.replace('huxun-evidence-20260105/', '')}\n`);
    const list = get('附件清单.txt').data.toString();
    expect(list).toContain('催收短信截图（张三手机）.png');
    expect(list).toContain('联系人转来 contact:1');
    const readme = get('README.txt').data.toString();
    expect(readme).toContain('sha256sum -c manifest.sha256');
    expect(readme).toContain(c.records[7]!.hash);
    expect(readme.indexOf('证据链')).toBeLessThan(readme.indexOf('How the chain works'));
    const html = get('verify.html').data.toString();
    expect(html).toContain('crypto.subtle.digest');
    expect(html).not.toMatch(/https?:\/\//); // nothing to fetch
    expect(html).toContain("connect-src 'none'");
  });

  it('is deterministic for the same input', async () => {
    const c = makeCase();
    const a = join(dir, 'a.zip');
    const b = join(dir, 'b.zip');
    await writeBundle(a, { records: c.records, events: c.events, attachments: streamsOf(c), caseInfo: { title: 't', exportedAt: T0 } });
    await writeBundle(b, { records: c.records, events: c.events, attachments: (async function* () { yield* streamsOf(c); })(), caseInfo: { title: 't', exportedAt: T0 } });
    expect(sha(readFileSync(a))).toBe(sha(readFileSync(b)));
  });

  it('takes attachments as file paths too', async () => {
    const c = makeCase();
    const paths = [...c.files].map(([h, b]) => {
      const p = join(dir, `${h}.bin`);
      writeFileSync(p, b);
      return { sha256: h, path: p };
    });
    const out = join(dir, 'paths.zip');
    await writeBundle(out, { records: c.records, events: c.events, attachments: paths, caseInfo: { title: 't', exportedAt: T0 } });
    expect(await verifyBundle(out)).toMatchObject({ ok: true, attachments: 2 });
  });

  it('refuses wrong bytes, unknown and missing attachments, and a broken chain, leaving no file behind', async () => {
    const c = makeCase();
    const out = join(dir, 'bad.zip');
    const wrong = streamsOf(c).map((a) => (a.sha256 === sha(c.png) ? { ...a, open: () => Readable.from([Buffer.from('not the png')]) } : a));
    await expect(writeBundle(out, { records: c.records, events: [], attachments: wrong, caseInfo: { title: 't' } })).rejects.toMatchObject({ code: 'attachment_mismatch' });
    const stranger = [...streamsOf(c), { sha256: sha(Buffer.from('x')), open: () => Readable.from([Buffer.from('x')]) }];
    await expect(writeBundle(out, { records: c.records, events: [], attachments: stranger, caseInfo: { title: 't' } })).rejects.toMatchObject({ code: 'unknown_attachment' });
    await expect(writeBundle(out, { records: c.records, events: [], attachments: streamsOf(c).slice(1), caseInfo: { title: 't' } })).rejects.toMatchObject({ code: 'missing_attachment' });
    const broken = c.records.map((r, i) => (i === 2 ? { ...r, payload: { text: 'changed' } } : r));
    await expect(writeBundle(out, { records: broken, events: [], attachments: streamsOf(c), caseInfo: { title: 't' } })).rejects.toBeInstanceOf(BundleError);
    const failing = streamsOf(c).map((a) => ({ ...a, open: () => new Readable({ read() { this.destroy(new Error('disk gone')); } }) }));
    await expect(writeBundle(out, { records: c.records, events: [], attachments: failing, caseInfo: { title: 't' } })).rejects.toThrow('disk gone');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('names a flipped byte in an attachment (zip rewritten around it)', async () => {
    const c = makeCase();
    const out = join(dir, 'flip.zip');
    await writeBundle(out, { records: c.records, events: c.events, attachments: streamsOf(c), caseInfo: { title: 't', exportedAt: T0 } });
    const entries = await readZip(out);
    const target = entries.find((e) => e.name.endsWith(sha(c.png)))!;
    target.data = Buffer.from(target.data);
    target.data[5000] = target.data[5000]! ^ 0x01;
    const bad = join(dir, 'flip-bad.zip');
    await writeZip(bad, entries);
    const v = await verifyBundle(bad);
    expect(v).toMatchObject({ ok: false, problem: 'attachment_changed', file: `attachments/${sha(c.png)}` });
    if (!v.ok) expect(v.message).toContain('催收短信截图（张三手机）.png');
    const core = await coreOnZip(bad);
    expect(core.ok).toBe(false);
    expect(core.problems[0]).toMatchObject({ code: 'file_changed', file: `attachments/${sha(c.png)}` });
  });

  it('notices a byte flipped in place inside the zip file', async () => {
    const c = makeCase();
    const out = join(dir, 'raw.zip');
    await writeBundle(out, { records: c.records, events: c.events, attachments: streamsOf(c), caseInfo: { title: 't', exportedAt: T0 } });
    const raw = readFileSync(out);
    const at = raw.indexOf(c.png.subarray(0, 64)); // the stored png's bytes
    expect(at).toBeGreaterThan(0);
    raw[at + 30_000] = raw[at + 30_000]! ^ 0xff;
    const bad = join(dir, 'raw-bad.zip');
    writeFileSync(bad, raw);
    expect(await verifyBundle(bad)).toMatchObject({ ok: false, file: `attachments/${sha(c.png)}` });
  });

  it('names the first bad record when records.jsonl was edited and the manifest recomputed to match', async () => {
    const c = makeCase();
    const out = join(dir, 'edit.zip');
    await writeBundle(out, { records: c.records, events: c.events, attachments: streamsOf(c), caseInfo: { title: 't', exportedAt: T0 } });
    const entries = await readZip(out);
    const rec = entries.find((e) => e.name.endsWith('records.jsonl'))!;
    rec.data = Buffer.from(rec.data.toString().replace('13700002222', '13700002223'));
    const man = entries.find((e) => e.name.endsWith('manifest.sha256'))!;
    man.data = Buffer.from(man.data.toString().replace(/^[0-9a-f]{64}(  records\.jsonl)$/m, `${sha(rec.data)}$1`));
    const bad = join(dir, 'edit-bad.zip');
    await writeZip(bad, entries);
    expect(await verifyBundle(bad)).toMatchObject({ ok: false, problem: 'chain', record: { index: 1, seq: 2, reason: 'hash_mismatch' } });
    const core = await coreOnZip(bad);
    expect(core.problems[0]).toMatchObject({ code: 'chain', record: { seq: 2 } });
    // Removing a record.
    rec.data = Buffer.from(rec.data.toString().split('\n').filter((_, i) => i !== 3).join('\n'));
    await writeZip(bad, entries);
    expect(await verifyBundle(bad)).toMatchObject({ ok: false, problem: 'chain' });
    // An extra file and a missing one.
    const extra = entries.concat([{ name: 'huxun-evidence-20260105/extra.txt', data: Buffer.from('x'), compress: false }]);
    await writeZip(bad, extra);
    const v = await verifyBundle(bad);
    expect(!v.ok && v.issues.map((i) => i.problem)).toContain('unlisted_file');
    await writeZip(bad, entries.filter((e) => !e.name.endsWith('events.json')));
    const w = await verifyBundle(bad);
    expect(!w.ok && w.issues.map((i) => i.problem)).toContain('missing_file');
    writeFileSync(bad, 'not a zip');
    expect(await verifyBundle(bad)).toMatchObject({ ok: false, problem: 'not_a_zip' });
  });

  it('redacts third parties in events, records and the attachment list, and still verifies', async () => {
    const c = makeCase();
    const out = join(dir, 'redacted.zip');
    const res = await writeBundle(out, { records: c.records, events: c.events, attachments: streamsOf(c), redactThirdParties: true, caseInfo: { title: '公开版', exportedAt: T0 } });
    expect(res.redactedRecords).toBeGreaterThanOrEqual(4);
    const v = await verifyBundle(out);
    expect(v).toMatchObject({ ok: true, records: 8, attachments: 2, head: c.records[7]!.hash });
    if (v.ok) expect(v.redactedRecords).toBe(res.redactedRecords);
    const entries = await readZip(out);
    const texts = entries.filter((e) => !e.name.includes('/attachments/')).map((e) => e.data.toString()).join('\n');
    expect(texts).not.toContain('13812345678');
    expect(texts).not.toContain('138 1234 5678');
    expect(texts).not.toContain('13700002222');
    expect(texts).not.toContain('张三');
    expect(texts).toContain('138****5678');
    expect(texts).toContain('137****2222');
    expect(texts).toContain('张*');
    expect(texts).toContain('13900001111'); // the collector stays visible
    const events = JSON.parse(entries.find((e) => e.name.endsWith('events.json'))!.data.toString()) as { text: string; contactNumber?: string }[];
    expect(events[0]!.text).toBe('你再不还钱，我们就联系你母亲张* 138****5678 和你同事 137****2222');
    expect(events[1]!.contactNumber).toBe('138****5678');
    expect((await coreOnZip(out)).ok).toBe(true);
    expect((await coreOnZip(out)).redacted).toBe(res.redactedRecords);
  });
});

describe('standard tools on an unzipped bundle', () => {
  it.skipIf(!has('unzip'))('lists Chinese names correctly in Info-ZIP unzip, tests OK, and sha256sum -c passes', async () => {
    const c = makeCase();
    const out = join(dir, 'tools.zip');
    await writeBundle(out, { records: c.records, events: c.events, attachments: streamsOf(c), caseInfo: { title: 't', exportedAt: T0 } });
    const list = execFileSync('unzip', ['-l', out], { env: { ...process.env, LC_ALL: 'C.UTF-8' } }).toString('utf8');
    expect(list).toContain('huxun-evidence-20260105/附件清单.txt');
    expect(execFileSync('unzip', ['-t', out]).toString()).toMatch(/No errors detected/);
    const into = join(dir, 'unz');
    execFileSync('unzip', ['-q', '-o', out, '-d', into], { env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    const folder = join(into, 'huxun-evidence-20260105');
    expect(existsSync(join(folder, '附件清单.txt'))).toBe(true);
    if (has('sha256sum')) {
      const r = spawnSync('sha256sum', ['-c', '--strict', 'manifest.sha256'], { cwd: folder });
      expect(r.status, r.stderr.toString()).toBe(0);
      expect(r.stdout.toString().match(/: OK$/gm)).toHaveLength(8);
      // The README's bash loop recomputes the chain with sed and sha256sum only.
      const sh = spawnSync('bash', ['-c', CHAIN_CHECK_SH], { cwd: folder });
      expect(sh.stdout.toString().trim()).toBe(`OK 8 records, head ${c.records[7]!.hash}`);
      // …and finds a changed record.
      const p = join(folder, 'records.jsonl');
      writeFileSync(p, readFileSync(p, 'utf8').replace('妈妈说', '爸爸说'));
      const bad = spawnSync('bash', ['-c', CHAIN_CHECK_SH], { cwd: folder });
      expect(bad.stdout.toString()).toContain('BAD record 3');
      expect(spawnSync('sha256sum', ['-c', '--quiet', 'manifest.sha256'], { cwd: folder }).status).not.toBe(0);
    }
    // verify.html's code on the unzipped folder (as a browser would hand it the picked folder's files).
    const core = runCore();
    const files: { path: string; bytes(): Promise<Uint8Array> }[] = [];
    const walk = (d: string, rel: string) => {
      for (const n of readdirSync(d, { withFileTypes: true })) {
        if (n.isDirectory()) walk(join(d, n.name), `${rel}${n.name}/`);
        else files.push({ path: `${rel}${n.name}`, bytes: async () => new Uint8Array(readFileSync(join(d, n.name))) });
      }
    };
    walk(folder, 'huxun-evidence-20260105/');
    const r = await core.verifyFiles(files, true);
    expect(r.ok).toBe(false); // records.jsonl was edited above
    expect(r.problems[0]).toMatchObject({ code: 'chain', record: { seq: 3 } });
  });

  it.skipIf(!has('bash') || !has('sha256sum'))('the README bash loop reports redacted records and still links them', async () => {
    const c = makeCase();
    const out = join(dir, 'tools-red.zip');
    await writeBundle(out, { records: c.records, events: c.events, attachments: streamsOf(c), redactThirdParties: true, caseInfo: { title: 't', exportedAt: T0 } });
    const entries = await readZip(out);
    const folder = join(dir, 'red-sh');
    rmSync(folder, { recursive: true, force: true });
    execFileSync('mkdir', ['-p', folder]);
    writeFileSync(join(folder, 'records.jsonl'), entries.find((e) => e.name.endsWith('records.jsonl'))!.data);
    const sh = spawnSync('bash', ['-c', CHAIN_CHECK_SH], { cwd: folder });
    expect(sh.stdout.toString()).toContain('redacted, content not checkable');
    expect(sh.stdout.toString().trim().split('\n').pop()).toBe(`OK 8 records, head ${c.records[7]!.hash}`);
  });
});

describe('verify.html core agrees with the domain verifier', () => {
  it('verifies a written zip (stored and deflated entries)', async () => {
    const c = makeCase();
    const out = join(dir, 'core.zip');
    await writeBundle(out, { records: c.records, events: c.events, attachments: streamsOf(c), caseInfo: { title: 't', exportedAt: T0 } });
    const r = await coreOnZip(out);
    expect(r).toMatchObject({ ok: true, records: 8, head: c.records[7]!.hash, problems: [] });
  });

  it('property: same verdict as verifyChainText on single-byte edits', async () => {
    const core = runCore();
    const base = makeCase().records;
    const text = recordsToJsonl(base);
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 127 }), async (pos, delta) => {
        const i = pos % text.length;
        const code = text.charCodeAt(i);
        const edited = code > 127 ? text : text.slice(0, i) + String.fromCharCode((code + delta) % 128) + text.slice(i + 1);
        const a = verifyChainText(edited);
        const b = await core.verifyChainText(edited);
        expect(b.ok).toBe(a.ok);
        if (!a.ok) expect({ index: b.index, reason: b.reason }).toEqual({ index: a.index, reason: a.reason });
        else expect(b.head).toBe(a.head);
      }),
      { numRuns: 300 },
    );
  });
});
