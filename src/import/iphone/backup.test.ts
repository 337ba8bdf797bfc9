import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NewContact, NewEvent } from '../../domain/collection/types.js';
import { appleTimeToMs, ENCRYPTED_MESSAGE, IphoneBackupError, readIphoneBackup, type BackupSource } from './backup.js';
import { parsePlist } from './plist.js';
import { buildSyntheticBackup, COLLECTOR, fileId } from './synthetic.js';
import { decodeAttributedBody, encodeAttributedBody } from './typedstream.js';

const root = mkdtempSync(join(tmpdir(), 'hx-iphone-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const dir = () => join(root, `b${n++}`);

function walk(d: string): string[] {
  return readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
}

function folder(d: string): BackupSource {
  return { name: 'backup', read: async (rel) => (existsSync(join(d, rel)) ? readFileSync(join(d, rel)) : null) };
}

async function readAll(d: string) {
  const events: NewEvent[] = [];
  const contacts: NewContact[] = [];
  const notes: string[] = [];
  for await (const r of readIphoneBackup(folder(d), { tz: 'Asia/Shanghai', onNote: (s) => notes.push(s) })) {
    if (r.type === 'event') events.push(r.event);
    else if (r.type === 'contact') contacts.push(r.contact);
  }
  return { events, contacts, notes, sms: events.filter((e) => e.kind === 'sms'), calls: events.filter((e) => e.kind === 'call') };
}

async function failure(d: string): Promise<IphoneBackupError> {
  try {
    await readAll(d);
  } catch (e) {
    expect(e).toBeInstanceOf(IphoneBackupError);
    return e as IphoneBackupError;
  }
  throw new Error('expected a failure');
}

describe('typedstream attributedBody', () => {
  it('round-trips Chinese, emoji and long text', () => {
    for (const t of ['你好', '最后通牒 😡 回复TD退订', 'x'.repeat(200), '长'.repeat(30000)]) expect(decodeAttributedBody(encodeAttributedBody(t))).toBe(t);
  });
  it('gives null for a truncated or foreign blob', () => {
    const b = encodeAttributedBody('这一条的正文被截断了');
    expect(decodeAttributedBody(b.subarray(0, 60))).toBeNull();
    expect(decodeAttributedBody(Buffer.from('not a typedstream at all'))).toBeNull();
    expect(decodeAttributedBody(null)).toBeNull();
  });
});

describe('Apple times', () => {
  it('reads seconds and nanoseconds since 2001', () => {
    expect(appleTimeToMs(0n)).toBeNull();
    expect(appleTimeToMs(1n)).toBe(978307201000);
    expect(appleTimeToMs(1_000_000_000n * 700_000_000n)).toBe(978307200000 + 700_000_000_000);
    // ns beyond 2^53 keep their milliseconds exactly
    expect(appleTimeToMs(794_000_000_123_456_789n)).toBe(978307200000 + 794_000_000_123);
    expect(appleTimeToMs(600.5)).toBe(978307800500);
  });
});

describe('iPhone backup', () => {
  it('reads messages (text, attributedBody, ns and s dates), calls (BLOB address) and contacts', async () => {
    const d = dir();
    const want = buildSyntheticBackup(d);
    const r = await readAll(d);
    expect(r.sms.map((e) => ({ at: e.at, direction: e.direction, number: e.number, text: e.text }))).toEqual(want.sms);
    expect(r.sms[1]!.meta?.textFrom).toBe('attributedBody');
    expect(r.calls.map((e) => ({ at: e.at, direction: e.direction, number: e.number, status: e.callStatus, durationS: e.durationS }))).toEqual(want.calls);
    expect(r.contacts.map((c) => [c.name, c.numbers])).toEqual([['王伟', ['13812345678']], ['Mom', ['13700002222']]]);
    expect(r.sms.every((e) => e.tz === 'Asia/Shanghai' && e.dedupeKey.length === 64)).toBe(true);
    expect(new Set(r.events.map((e) => e.dedupeKey)).size).toBe(r.events.length);
    expect(r.notes).toEqual([]);
  });

  it('reads the same from a WAL-mode sms.db, a binary Manifest.plist and flat file layout', async () => {
    const d = dir();
    const want = buildSyntheticBackup(d, { wal: true, binaryPlist: true, flat: true });
    expect(parsePlist(readFileSync(join(d, 'Manifest.plist')))).toEqual({ IsEncrypted: false, Version: '10.0' });
    const r = await readAll(d);
    expect(r.sms.map((e) => e.text)).toEqual(want.sms.map((s) => s.text));
    expect(r.calls).toHaveLength(3);
  });

  it('applies sms.db-wal and CallHistory.storedata-wal: the newest rows that live only in the logs are read, the backup is not written to', async () => {
    const d = dir();
    const want = buildSyntheticBackup(d, { walPending: true });
    const files = () => new Map(walk(d).map((f) => [f, createHash('sha256').update(readFileSync(f)).digest('hex')]));
    const before = files();
    const r = await readAll(d);
    expect(r.sms.map((e) => ({ at: e.at, direction: e.direction, number: e.number, text: e.text }))).toEqual(want.sms);
    expect(r.sms.map((e) => e.text)).toContain('只在 WAL 里的最新一条：今晚十点前不还就去你单位');
    expect(r.calls.map((e) => ({ at: e.at, direction: e.direction, number: e.number, status: e.callStatus, durationS: e.durationS }))).toEqual(want.calls);
    expect(r.notes).toEqual([]);
    // Nothing written into the backup folder (no -shm, no checkpoint).
    expect(files()).toEqual(before);
    // The newest rows are in the logs only: without them the databases hold the older rows.
    const wals = walk(d).filter((f) => f.endsWith(fileId('HomeDomain', 'Library/SMS/sms.db-wal')) || f.endsWith(fileId('HomeDomain', 'Library/CallHistoryDB/CallHistory.storedata-wal')));
    expect(wals).toHaveLength(2);
    for (const f of wals) rmSync(f);
    const bare = await readAll(d);
    expect(bare.sms).toHaveLength(want.sms.length - 1);
    expect(bare.calls).toHaveLength(want.calls.length - 1);
    expect(bare.notes.join('\n')).toMatch(/missing|没有这个文件/);
  });

  it('a log cut inside its last frame keeps the transactions committed before it; a foreign log is skipped with a note', async () => {
    const d = dir();
    buildSyntheticBackup(d, { walPending: true, damagedWal: true });
    const r = await readAll(d);
    // The call's only transaction is in the cut frame: dropped, as SQLite's own recovery would.
    expect(r.calls).toHaveLength(3);
    expect(r.sms.length).toBeGreaterThanOrEqual(4);
    expect(r.notes).toEqual([]);
    const d2 = dir();
    buildSyntheticBackup(d2, { walPending: true });
    const id = fileId('HomeDomain', 'Library/SMS/sms.db-wal');
    writeFileSync(join(d2, id.slice(0, 2), id), Buffer.alloc(5000, 7));
    const r2 = await readAll(d2);
    expect(r2.sms).toHaveLength(4);
    expect(r2.notes.join('\n')).toMatch(/sms\.db-wal 读不了/);
  });

  it('probes the message table: no guid, attributedBody or service columns', async () => {
    const d = dir();
    const want = buildSyntheticBackup(d, { minimalMessageTable: true });
    const r = await readAll(d);
    expect(r.sms.map((e) => [e.at, e.direction, e.number, e.text])).toEqual(want.sms.map((s) => [s.at, s.direction, s.number, s.text]));
  });

  it('skips a truncated attributedBody with a note, keeps the rest', async () => {
    const d = dir();
    buildSyntheticBackup(d, { truncatedBody: true });
    const r = await readAll(d);
    expect(r.sms).toHaveLength(4);
    expect(r.notes.join('\n')).toMatch(/attributedBody/);
  });

  it('a database listed in the manifest but missing from the folder is skipped with a note', async () => {
    const d = dir();
    buildSyntheticBackup(d, { missing: ['sms'] });
    const r = await readAll(d);
    expect(r.sms).toHaveLength(0);
    expect(r.calls).toHaveLength(3);
    expect(r.notes.join('\n')).toMatch(/Library\/SMS\/sms\.db/);
  });

  it('an encrypted backup gets the zh + en message on how to make an unencrypted one', async () => {
    const d = dir();
    buildSyntheticBackup(d, { encrypted: true });
    const e = await failure(d);
    expect(e.code).toBe('ENCRYPTED');
    expect(e.message).toContain('加密本地备份');
    expect(e.message).toContain('Encrypt local backup');
    expect(ENCRYPTED_MESSAGE).toContain('立即备份');
    const d2 = dir();
    buildSyntheticBackup(d2, { encrypted: true, binaryPlist: true });
    expect((await failure(d2)).code).toBe('ENCRYPTED');
  });

  it('a folder that is not a backup, and a backup with no readable database, say so', async () => {
    expect((await failure(dir())).code).toBe('NOT_A_BACKUP');
    const d = dir();
    buildSyntheticBackup(d, { missing: ['sms', 'calls', 'contacts'] });
    expect((await failure(d)).code).toBe('DAMAGED');
  });

  it('keeps the collector number as sent', async () => {
    const d = dir();
    buildSyntheticBackup(d);
    const r = await readAll(d);
    expect(r.sms[0]!.number).toBe(COLLECTOR);
  });
});
