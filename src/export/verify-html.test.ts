/**
 * verify.html in a real browser (Debian chromium through playwright-core), offline from a file:// URL:
 * the page must say OK for a good bundle and name the damage in a bad one. Skipped without chromium.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { ZipFile } from 'yazl';
import * as yauzl from 'yauzl';
import { appendAttachment, appendRecord, type EvidenceRecord } from '../domain/evidence/index.js';
import { writeBundle } from './bundle.js';

const CHROMIUM = '/usr/bin/chromium';
const T0 = Date.UTC(2026, 0, 5, 2, 0, 0);

async function readEntries(path: string): Promise<{ name: string; data: Buffer }[]> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true });
  const out: { name: string; data: Buffer }[] = [];
  for await (const e of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of (await zip.openReadStreamPromise(e)) as AsyncIterable<Buffer>) chunks.push(c);
    out.push({ name: e.fileName, data: Buffer.concat(chunks) });
  }
  zip.close();
  return out;
}

describe.skipIf(!existsSync(CHROMIUM))('verify.html in chromium', () => {
  let browser: Browser;
  let dir: string;
  let good: string;
  let bad: string;
  let html: string;
  let extracted: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'huxun-verify-html-'));
    const img = Buffer.alloc(300_000, 3);
    const sha = createHash('sha256').update(img).digest('hex');
    const rs: EvidenceRecord[] = [];
    rs.push(appendRecord(null, 'event', { kind: 'sms', number: '13900001111', text: '再不还钱就爆你通讯录' }, T0));
    rs.push(appendAttachment(rs[0]!, { sha256: sha, size: img.length, mime: 'image/png', name: '截图.png', source: 'user', claimed_at: null }, T0 + 1));
    rs.push(appendRecord(rs[1]!, 'note', { text: '第三条' }, T0 + 2));
    good = join(dir, 'good.zip');
    await writeBundle(good, { records: rs, events: [], attachments: [{ sha256: sha, open: () => Readable.from([img]) }], caseInfo: { title: '浏览器核对测试', exportedAt: T0 } });
    const entries = await readEntries(good);
    // The good bundle's files, unzipped flat (as a person picking all the files would give them).
    extracted = entries.map((e) => {
      const p = join(dir, e.name.split('/').pop()!);
      writeFileSync(p, e.data);
      return p;
    });
    // A copy with record 2's name changed and the manifest recomputed to match: only the chain shows it.
    const rec = entries.find((e) => e.name.endsWith('records.jsonl'))!;
    rec.data = Buffer.from(rec.data.toString().replace('截图.png', '截图2.png'));
    const man = entries.find((e) => e.name.endsWith('manifest.sha256'))!;
    man.data = Buffer.from(man.data.toString().replace(/^[0-9a-f]{64}(  records\.jsonl)$/m, `${createHash('sha256').update(rec.data).digest('hex')}$1`));
    const z = new ZipFile();
    for (const e of entries) z.addBuffer(e.data, e.name, { mtime: new Date(T0) });
    z.end();
    const chunks: Buffer[] = [];
    for await (const c of z.outputStream as AsyncIterable<Buffer>) chunks.push(c);
    bad = join(dir, 'bad.zip');
    writeFileSync(bad, Buffer.concat(chunks));
    html = join(dir, 'verify.html');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function check(files: string[], input: '#zip' | '#files'): Promise<{ text: string; requests: string[] }> {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(html).href);
    await page.setInputFiles(input, files);
    await page.waitForFunction(() => /核对通过|核对未通过|无法读取|不是有效/.test(document.getElementById('out')?.textContent ?? ''), undefined, { timeout: 20_000 });
    const text = (await page.textContent('#out')) ?? '';
    await page.close();
    return { text, requests: requests.filter((u) => !u.startsWith('file:')) };
  }

  it('says OK for the zip and for the unzipped files, without any network request', async () => {
    const z = await check([good], '#zip');
    expect(z.text).toContain('核对通过：3 条记录、1 个附件');
    expect(z.requests).toEqual([]);
    const f = await check(extracted, '#files');
    expect(f.text).toContain('核对通过：3 条记录、1 个附件');
  }, 60_000);

  it('names the first bad record of a tampered zip', async () => {
    const r = await check([bad], '#zip');
    expect(r.text).toContain('核对未通过：证据链断裂或被改动（第 2 条记录）');
    expect(r.text).toContain("record 2: record 2's content does not match its hash");
  }, 60_000);
});
