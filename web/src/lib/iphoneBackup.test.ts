import { crc32 as nodeCrc } from 'node:zlib';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { buildSyntheticBackup, fileId } from '../../../src/import/iphone/synthetic.js';
import { IPHONE_FILES } from '../../../src/import/iphone/backup.js';
import { crc32, IPHONE_FILE_IDS, IPHONE_WAL_IDS, pickIphoneBackup, storedZip } from './iphoneBackup.js';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}

describe('iPhone backup folder in the browser', () => {
  it('picks Manifest.plist, Manifest.db and the databases, and packs them into a zip yauzl reads back', async () => {
    const base = mkdtempSync(join(tmpdir(), 'hx-web-iphone-'));
    const dir = join(base, '00008110-001A2B3C4D5E801E');
    buildSyntheticBackup(dir);
    writeFileSync(join(dir, 'Status.plist'), 'x');
    const files = walk(dir).map((p) => Object.assign(new File([readFileSync(p)], p.split('/').pop()!), { webkitRelativePath: relative(base, p) }));
    const pick = pickIphoneBackup(files);
    expect(pick.ok).toBe(true);
    if (!pick.ok) return;
    expect(pick.folder).toBe('00008110-001A2B3C4D5E801E');
    expect(pick.files.map((f) => f.name).sort()).toEqual(['Manifest.db', 'Manifest.plist', ...[IPHONE_FILE_IDS[0], IPHONE_FILE_IDS[1], IPHONE_FILE_IDS[3]].map((id) => `${id.slice(0, 2)}/${id}`)].sort());
    let last = 0;
    const zip = await storedZip(pick.files, (r) => (last = r));
    expect(last).toBe(pick.bytes);
    const buf = Buffer.from(await zip.arrayBuffer());
    const z = await yauzl.fromBufferPromise(buf, { lazyEntries: true, validateEntrySizes: true });
    const got = new Map<string, Buffer>();
    for await (const e of z.eachEntry()) {
      const rs = await z.openReadStreamPromise(e);
      const chunks: Buffer[] = [];
      for await (const c of rs) chunks.push(c as Buffer);
      const data = Buffer.concat(chunks);
      expect(e.crc32).toBe(nodeCrc(data));
      got.set(e.fileName, data);
    }
    expect(got.get('Manifest.db')!.equals(readFileSync(join(dir, 'Manifest.db')))).toBe(true);
    expect(got.size).toBe(5);
  });

  it('also picks the databases\' write-ahead logs (sms.db-wal…), whose newest rows the importer applies', () => {
    const files = Object.values(IPHONE_FILES);
    expect(IPHONE_FILE_IDS).toEqual(files.map((f) => fileId(f.domain, f.path)));
    expect(IPHONE_WAL_IDS).toEqual(files.map((f) => fileId(f.domain, `${f.path}-wal`)));
    const base = mkdtempSync(join(tmpdir(), 'hx-web-iphone-'));
    const dir = join(base, 'backup');
    buildSyntheticBackup(dir, { walPending: true });
    const pick = pickIphoneBackup(walk(dir).map((p) => Object.assign(new File([readFileSync(p)], p.split('/').pop()!), { webkitRelativePath: relative(base, p) })));
    expect(pick.ok && pick.files.map((f) => f.name)).toEqual(expect.arrayContaining([IPHONE_WAL_IDS[0], IPHONE_WAL_IDS[1]].map((id) => `${id.slice(0, 2)}/${id}`)));
  });

  it('says when a folder is not a backup', () => {
    expect(pickIphoneBackup([new File(['x'], 'a.txt')])).toEqual({ ok: false, reason: 'not-a-backup' });
    expect(pickIphoneBackup([new File(['x'], 'Manifest.mbdb')])).toEqual({ ok: false, reason: 'old-backup' });
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
