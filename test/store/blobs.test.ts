/**
 * Issue 15: attachments are stored per case (src/store/blobs.ts) and read only through the case's own row
 * (readAttachment): two cases holding the same file each read their own copy, one case cannot read another's by its
 * sha256, and files an older version wrote to the shared folder (attachments/<xx>/<sha256>) are moved into their
 * cases when the app opens, still readable. Real SQLite file and real PostgreSQL; files in a temp data folder.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { addAttachment, checkAttachmentFiles, readAttachment } from '../../src/app/attachments.js';
import { forCase, openApp, type AppContext } from '../../src/app/context.js';
import { screenshotBytes } from '../../src/app/ocr.js';
import { BlobError, FsBlobStore } from '../../src/store/blobs.js';
import * as repo from '../../src/store/repo.js';
import { engines, openTestApp } from '../support/stores.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function bytesOf(s: AsyncIterable<unknown>): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const c of s) out.push(c as Buffer);
  return Buffer.concat(out);
}

async function add(ctx: AppContext, name: string, bytes: Buffer) {
  return addAttachment(ctx, { name, stream: Readable.from([bytes]) });
}

async function secondCase(ctx: AppContext): Promise<AppContext> {
  const id = await repo.createCase(ctx.store.db, '案件 B', 'Asia/Shanghai', Date.now(), null);
  return (await forCase(ctx, id))!;
}

describe.each(engines())('attachments per case (%s)', (engine) => {
  it('two cases with the same file each read their own copy; removing one leaves the other', async () => {
    const o = await openTestApp(engine);
    try {
      const a = o.ctx;
      const b = await secondCase(a);
      const same = Buffer.concat([Buffer.from('截图 screenshot '), randomBytes(5000)]);
      expect((await add(a, 'same.png', same)).sha256).toBe(sha(same));
      expect((await add(b, 'same.png', same)).sha256).toBe(sha(same));
      const fs = new FsBlobStore(a.dataDir, () => null);
      expect(fs.pathOf(a.caseId, sha(same))).not.toBe(fs.pathOf(b.caseId, sha(same)));
      expect(existsSync(fs.pathOf(a.caseId, sha(same)))).toBe(true);
      expect(existsSync(fs.pathOf(b.caseId, sha(same)))).toBe(true);
      expect(await bytesOf(await readAttachment(a, sha(same)))).toEqual(same);
      await fs.delete(a.caseId, sha(same));
      expect(await bytesOf(await readAttachment(b, sha(same)))).toEqual(same);
      expect(await checkAttachmentFiles(b)).toMatchObject({ ok: true, checked: 1 });
      expect(await checkAttachmentFiles(a)).toMatchObject({ ok: false, bad: [{ problem: 'missing' }] });
    } finally {
      await o.close();
    }
  });

  it('case A cannot read case B’s attachment by B’s sha256 (readAttachment, the screenshot route’s function)', async () => {
    const o = await openTestApp(engine);
    try {
      const a = o.ctx;
      const b = await secondCase(a);
      const secret = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(3000)]);
      const { sha256 } = await add(b, 'b-only.png', secret);
      expect(await bytesOf(await readAttachment(b, sha256))).toEqual(secret);
      expect(await screenshotBytes(b, sha256)).toEqual(secret);
      await expect(readAttachment(a, sha256)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(screenshotBytes(a, sha256)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      // Not even with a row of its own naming that hash: A's store has no such file.
      await repo.insertAttachment(a.store.db, a.caseId, { sha256, mime: 'image/png', size: secret.length, name: 'forged.png', source: 'user', claimedAt: null, receivedAt: 0, eventId: null, note: null });
      await expect(readAttachment(a, sha256)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      // Names that are not a case id and a hash never reach the file system.
      await expect(readAttachment(a, '../../huxun.db')).rejects.toMatchObject({ code: 'BAD_INPUT' });
      const fs = new FsBlobStore(a.dataDir, () => null);
      expect(() => fs.pathOf(0, sha256)).toThrow(BlobError);
      expect(() => fs.pathOf(a.caseId, '../' + sha256.slice(3))).toThrow(BlobError);
    } finally {
      await o.close();
    }
  });

  it('put refuses bytes that do not match their sha256 and keeps nothing', async () => {
    const o = await openTestApp(engine);
    try {
      const fs = new FsBlobStore(o.ctx.dataDir, () => o.ctx.fileKey);
      const bytes = randomBytes(1000);
      await expect(fs.put(o.ctx.caseId, sha(Buffer.from('other')), bytes)).rejects.toMatchObject({ code: 'BAD_HASH' });
      expect(await fs.has(o.ctx.caseId, sha(Buffer.from('other')))).toBe(false);
      expect(readdirSync(join(o.ctx.dataDir, 'attachments', 'cases', String(o.ctx.caseId)))).toEqual([]);
      await fs.put(o.ctx.caseId, sha(bytes), Readable.from([bytes]));
      expect(await bytesOf((await fs.openRead(o.ctx.caseId, sha(bytes)))!)).toEqual(bytes);
    } finally {
      await o.close();
    }
  });
});

describe('attachments written by an older version (shared folder)', () => {
  it('are moved into the cases that recorded them when the app opens, and read as before', async () => {
    const o = await openTestApp('sqlite');
    const dataDir = o.ctx.dataDir;
    const a = o.ctx;
    const b = await secondCase(a);
    const mine = randomBytes(2000);
    const shared = randomBytes(2000);
    const orphan = randomBytes(2000);
    await add(a, 'mine.png', mine);
    await add(a, 'shared.png', shared);
    await add(b, 'shared.png', shared);
    const fs = new FsBlobStore(dataDir, () => null);
    // Put the files back where an older version kept them: attachments/<xx>/<sha256>, one copy for all cases.
    const legacy = (h: string) => join(dataDir, 'attachments', h.slice(0, 2), h);
    for (const [buf, owner] of [[mine, a.caseId], [shared, a.caseId], [orphan, null]] as const) {
      const h = sha(buf);
      mkdirSync(join(dataDir, 'attachments', h.slice(0, 2)), { recursive: true });
      if (owner) renameSync(fs.pathOf(owner, h), legacy(h));
      else writeFileSync(legacy(h), buf);
    }
    await fs.delete(b.caseId, sha(shared));
    expect(await fs.has(a.caseId, sha(mine))).toBe(false);
    await o.close();

    const again = await openApp({ dataDir });
    try {
      const a2 = again.ctx;
      const b2 = (await forCase(a2, b.caseId))!;
      expect(await bytesOf(await readAttachment(a2, sha(mine)))).toEqual(mine);
      expect(await bytesOf(await readAttachment(a2, sha(shared)))).toEqual(shared);
      expect(await bytesOf(await readAttachment(b2, sha(shared)))).toEqual(shared);
      // B never recorded `mine`: it was not given a copy.
      expect(await fs.has(b.caseId, sha(mine))).toBe(false);
      await expect(readAttachment(b2, sha(mine))).rejects.toMatchObject({ code: 'NOT_FOUND' });
      // A file nobody recorded goes to the local case.
      expect(await fs.has(a.caseId, sha(orphan))).toBe(true);
      // Nothing is left in the old layout.
      expect(readdirSync(join(dataDir, 'attachments')).filter((n) => /^[0-9a-f]{2}$/.test(n))).toEqual([]);
      expect(await checkAttachmentFiles(a2)).toMatchObject({ ok: true, checked: 2 });
      expect(await checkAttachmentFiles(b2)).toMatchObject({ ok: true, checked: 1 });
    } finally {
      await again.close();
    }
  });
});

describe('an interrupted write', () => {
  for (const sealed of [false, true]) {
    it(`leaves no temp file behind when the input fails at once (${sealed ? 'sealed' : 'plain'})`, async () => {
      const dir = join(tmpdirFor('huxun-blobs-'), 'data');
      mkdirSync(dir, { recursive: true });
      const store = new FsBlobStore(dir, () => (sealed ? randomBytes(32) : null));
      for (let i = 0; i < 20; i++) {
        const failing = new Readable({ read() { this.destroy(new Error('upload cut')); } });
        await expect(store.add(7, failing)).rejects.toThrow(/upload cut/);
      }
      const leftovers = (existsSync(join(dir, 'attachments')) ? readdirRecursive(join(dir, 'attachments')) : []).filter((n) => n.includes('.incoming-'));
      expect(leftovers).toEqual([]);
    });
  }
});

function tmpdirFor(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

function readdirRecursive(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' });
}
