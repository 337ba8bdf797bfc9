/**
 * An unencrypted iPhone backup (Finder / iTunes / Apple Devices, iOS 10+) → events and contacts.
 * Layout and schemas: ../shared/reference/sources.md §2 (summarised here).
 *
 * - The backup folder holds Manifest.plist (IsEncrypted), Manifest.db (SQLite: Files(fileID, domain,
 *   relativePath, flags, file)) and every backed-up file under `<fileID[0:2]>/<fileID>` (older: flat `<fileID>`).
 *   We look files up in Manifest.db by (domain, relativePath) — fileID is sha1(domain + "-" + path), but the
 *   manifest is what the backup says it holds.
 * - Messages: HomeDomain Library/SMS/sms.db, table `message` joined to `handle`. `text`, or the NSString in
 *   `attributedBody` when text is empty (typedstream.ts). `date` is seconds since 2001-01-01 UTC on old iOS,
 *   nanoseconds on iOS 11+ (a value above 1e15 is ns) — read as BigInt, since ns exceed 2^53.
 *   The schema is probed (PRAGMA table_info) and the query built from the columns that exist.
 * - Calls: HomeDomain Library/CallHistoryDB/CallHistory.storedata (and CallHistoryTemp.storedata), Core Data
 *   table ZCALLRECORD: ZDATE float seconds since 2001, ZDURATION seconds, ZADDRESS text or BLOB, ZORIGINATED,
 *   ZANSWERED, ZCALLTYPE (1 phone, 8 FaceTime video, 16 FaceTime audio, 0 another app).
 * - Contacts: HomeDomain Library/AddressBook/AddressBook.sqlitedb, ABPerson + ABMultiValue (property 3 = phone).
 *
 * The source gives bytes (BackupSource: a folder, or a zip the web page made of the few files needed);
 * each database is opened in memory from its bytes (never written out again: with a passphrase set the
 * plaintext must not reach the disk). When the manifest lists the database's write-ahead log (`sms.db-wal`,
 * `CallHistory.storedata-wal`, …), its committed frames are applied to the image first (wal.ts): the newest
 * messages and calls of a phone may live only there. Whether real backups carry one is unverified (iLEAPP
 * globs `sms.db*`); the backup folder itself is never written to.
 * Not read: encrypted backups (a clear message says how to make an unencrypted one), iOS ≤ 9 backups with
 * Manifest.mbdb, iOS ≤ 7 call_history.db, attachments of messages (their count is kept in meta).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { normalizePhone } from '../../domain/collection/phone.js';
import type { CallStatus, NewContact, NewEvent } from '../../domain/collection/types.js';
import { stableKey } from '../stream.js';
import { ImportFormatError, type ImportRecord } from '../types.js';
import { APPLE_EPOCH_S, parsePlist, PlistError, type PlistValue } from './plist.js';
import { decodeAttributedBody } from './typedstream.js';
import { applyWal } from './wal.js';

/** Where an importer finds a backup's files: paths relative to the backup folder ("Manifest.db", "3d/3d0d…"). */
export interface BackupSource {
  /** Display name (errors cite it). */
  name: string;
  /** The file's bytes, or null when the backup does not have it. */
  read(rel: string): Promise<Buffer | null>;
}

export type IphoneErrorCode = 'ENCRYPTED' | 'NOT_A_BACKUP' | 'OLD_BACKUP' | 'DAMAGED' | 'NOTHING_TO_READ';

export class IphoneBackupError extends ImportFormatError {
  constructor(
    readonly code: IphoneErrorCode,
    message: string,
    file: string,
  ) {
    super(message, file);
    this.name = 'ImportFormatError';
  }
}

export const ENCRYPTED_MESSAGE =
  '这个 iPhone 备份是加密的（备份时勾选了「加密本地备份」），护讯读不了加密的备份。请重新做一个不加密的备份：' +
  'Mac 上打开「访达」（macOS 10.15 以前用 iTunes），Windows 上打开「Apple 设备」或 iTunes，选中手机，' +
  '取消勾选「加密本地备份」（会要求输入当初设的备份密码），再点「立即备份」，然后导入新的备份文件夹。' +
  '备份文件夹在 Mac 的「~/资源库/Application Support/MobileSync/Backup/」，Windows 的「%APPDATA%\\Apple Computer\\MobileSync\\Backup\\」或「%USERPROFILE%\\Apple\\MobileSync\\Backup\\」。\n' +
  'This iPhone backup is encrypted ("Encrypt local backup" was ticked) and Huxun cannot read encrypted backups. Make an unencrypted one: ' +
  'on a Mac open Finder (iTunes before macOS 10.15), on Windows the Apple Devices app or iTunes; select the phone, untick "Encrypt local backup" ' +
  '(it asks for the backup password), click "Back Up Now", then import the new backup folder. Backups are in ~/Library/Application Support/MobileSync/Backup/ ' +
  '(Mac) or %APPDATA%\\Apple Computer\\MobileSync\\Backup\\ or %USERPROFILE%\\Apple\\MobileSync\\Backup\\ (Windows).';

/** The files the importer reads, by (domain, relativePath). */
export const IPHONE_FILES = {
  sms: { domain: 'HomeDomain', path: 'Library/SMS/sms.db' },
  calls: { domain: 'HomeDomain', path: 'Library/CallHistoryDB/CallHistory.storedata' },
  callsTemp: { domain: 'HomeDomain', path: 'Library/CallHistoryDB/CallHistoryTemp.storedata' },
  contacts: { domain: 'HomeDomain', path: 'Library/AddressBook/AddressBook.sqlitedb' },
} as const;
export type IphoneFileKey = keyof typeof IPHONE_FILES;

export interface IphoneReadOptions {
  tz: string;
  /** Called as each part is done: the UI shows it as progress. */
  onStep?: (s: { step: IphoneFileKey; records: number; done: number; total: number }) => void;
  /** Non-fatal findings (a database listed but missing, rows skipped), one sentence each, zh / en. */
  onNote?: (note: string) => void;
  signal?: AbortSignal;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const APPLE_EPOCH_MS = APPLE_EPOCH_S * 1000;

/** Opens an SQLite file image read-only in memory. */
export function openSqliteImage(bytes: Buffer, what: string, file: string): Database.Database {
  if (bytes.length < 100 || !bytes.subarray(0, 16).equals(SQLITE_MAGIC)) {
    throw new IphoneBackupError('DAMAGED', `${what} 不是完整的数据库文件 / ${what} is not a complete SQLite database`, file);
  }
  // WAL mode (file format versions 2/2) cannot be deserialized; the image itself is a consistent database.
  // Patched in place: the bytes were read for this (a second copy of a large sms.db would double the memory).
  if (bytes[18] === 2 || bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  try {
    // SQLite copies the image: the caller may drop its buffer once this returns.
    const db = new Database(bytes, { readonly: true });
    db.pragma('query_only = 1');
    return db;
  } catch (e) {
    throw new IphoneBackupError('DAMAGED', `${what} 打不开 / ${what} cannot be opened: ${(e as Error).message}`, file);
  }
}

function columns(db: Database.Database, table: string): Set<string> {
  try {
    return new Set((db.prepare(`PRAGMA table_info("${table.replace(/"/g, '')}")`).all() as { name: string }[]).map((r) => r.name));
  } catch {
    return new Set();
  }
}

/** Checks Manifest.plist and opens Manifest.db: the backup's index. */
export async function openManifest(src: BackupSource): Promise<{ info: Record<string, PlistValue>; manifest: Database.Database }> {
  const plistBytes = await src.read('Manifest.plist');
  const dbBytes = await src.read('Manifest.db');
  if (!plistBytes && !dbBytes) {
    if (await src.read('Manifest.mbdb')) {
      throw new IphoneBackupError('OLD_BACKUP', '这是 iOS 9 或更早系统的备份（Manifest.mbdb），护讯还读不了；请把手机升级后重新备份 / this is a backup from iOS 9 or older (Manifest.mbdb), which Huxun cannot read yet', src.name);
    }
    throw new IphoneBackupError('NOT_A_BACKUP', '这个文件夹不是 iPhone 备份：里面没有 Manifest.plist 和 Manifest.db / this folder is not an iPhone backup: it has no Manifest.plist or Manifest.db', src.name);
  }
  let info: Record<string, PlistValue> = {};
  if (plistBytes) {
    try {
      const v = parsePlist(plistBytes);
      if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Uint8Array)) info = v;
    } catch (e) {
      if (!(e instanceof PlistError)) throw e;
    }
  }
  if (info.IsEncrypted === true) throw new IphoneBackupError('ENCRYPTED', ENCRYPTED_MESSAGE, src.name);
  if (!dbBytes) {
    throw new IphoneBackupError('NOT_A_BACKUP', '备份里缺少 Manifest.db（iPhone 备份的文件目录）/ the backup lacks Manifest.db (its file index)', src.name);
  }
  // An encrypted backup's Manifest.db is itself encrypted: not SQLite.
  if (!dbBytes.subarray(0, 16).equals(SQLITE_MAGIC)) throw new IphoneBackupError('ENCRYPTED', ENCRYPTED_MESSAGE, src.name);
  const manifest = openSqliteImage(dbBytes, 'Manifest.db', src.name);
  if (!columns(manifest, 'Files').has('fileID')) {
    manifest.close();
    throw new IphoneBackupError('DAMAGED', 'Manifest.db 里没有 Files 表 / Manifest.db has no Files table', src.name);
  }
  return { info, manifest };
}

/** fileID of (domain, relativePath) as the manifest lists it, or null. */
export function lookupFileId(manifest: Database.Database, domain: string, path: string): string | null {
  const row = manifest.prepare('SELECT fileID FROM Files WHERE domain = ? AND relativePath = ? ORDER BY (flags = 1) DESC LIMIT 1').get(domain, path) as { fileID: string } | undefined;
  return row?.fileID && /^[0-9a-f]{40}$/i.test(row.fileID) ? row.fileID.toLowerCase() : null;
}

/** The bytes of a listed file: `<id[0:2]>/<id>`, or flat `<id>`. */
export async function readBackupFile(src: BackupSource, fileId: string): Promise<Buffer | null> {
  return (await src.read(`${fileId.slice(0, 2)}/${fileId}`)) ?? (await src.read(fileId));
}

/** Apple time (seconds or, above 1e15, nanoseconds since 2001-01-01 UTC) → epoch ms; null for 0/absent. */
export function appleTimeToMs(v: bigint | number | null | undefined): number | null {
  if (v == null) return null;
  if (typeof v === 'bigint') {
    if (v === 0n) return null;
    if (v > 1_000_000_000_000_000n || v < -1_000_000_000_000_000n) return Number(v / 1_000_000n) + APPLE_EPOCH_MS;
    return Number(v) * 1000 + APPLE_EPOCH_MS;
  }
  if (!Number.isFinite(v) || v === 0) return null;
  if (Math.abs(v) > 1e15) return Math.round(v / 1e6) + APPLE_EPOCH_MS;
  return Math.round(v * 1000) + APPLE_EPOCH_MS;
}

function asText(v: unknown): string | null {
  if (v == null) return null;
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return Buffer.from(v).toString('utf8').replace(/\0+$/, '') || null;
  if (typeof v === 'bigint') return v.toString();
  return String(v);
}

function num(v: unknown): number | null {
  if (v == null) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return v;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/** Messages of sms.db as events (SMS, iMessage and RCS alike are `sms` events; meta.service says which). */
export function* readMessages(db: Database.Database, file: string, tz: string, onNote?: (s: string) => void): Generator<NewEvent> {
  const m = columns(db, 'message');
  if (!m.has('date') || !m.has('ROWID')) {
    throw new IphoneBackupError('DAMAGED', 'sms.db 里的 message 表缺少 date 列 / the message table of sms.db has no date column', file);
  }
  const h = columns(db, 'handle');
  const col = (c: string, expr = c) => (m.has(c) ? `m.${expr}` : 'NULL');
  const hasHandle = m.has('handle_id') && h.has('ROWID') && h.has('id');
  const hasChat = columns(db, 'chat_message_join').has('message_id') && columns(db, 'chat').has('chat_identifier');
  const sql =
    `SELECT m.ROWID AS rowid, ${col('guid')} AS guid, ${col('text')} AS text, ` +
    `${m.has('attributedBody') ? 'CAST(m.attributedBody AS BLOB)' : 'NULL'} AS body, ${col('date')} AS date, ` +
    `${col('is_from_me')} AS from_me, ${col('service')} AS service, ${col('item_type')} AS item_type, ` +
    `${col('associated_message_type')} AS assoc, ${col('cache_has_attachments')} AS has_att, ${col('is_read')} AS is_read, ` +
    `${hasHandle ? 'h.id' : 'NULL'} AS handle, ` +
    // The chat's identifier only where the row has no handle (outgoing rows of some versions): a lookup per row
    // would be quadratic in a database without the message_id index.
    `${hasChat ? `CASE WHEN ${hasHandle ? 'h.id' : 'NULL'} IS NULL THEN (SELECT c.chat_identifier FROM chat_message_join j JOIN chat c ON c.ROWID = j.chat_id WHERE j.message_id = m.ROWID LIMIT 1) END` : 'NULL'} AS chat ` +
    `FROM message m ${hasHandle ? 'LEFT JOIN handle h ON h.ROWID = m.handle_id' : ''} ORDER BY m.ROWID`;
  const stmt = db.prepare(sql).safeIntegers(true);
  let skippedNoDate = 0;
  let unreadableBody = 0;
  let position = 0;
  for (const r of stmt.iterate() as Iterable<Record<string, unknown>>) {
    position++;
    // Tapbacks, group renames and other non-message rows.
    if ((num(r.assoc) ?? 0) !== 0 || (num(r.item_type) ?? 0) !== 0) continue;
    const at = appleTimeToMs(r.date as bigint | null);
    if (at == null) {
      skippedNoDate++;
      continue;
    }
    let text = asText(r.text);
    let fromBody = false;
    if (!text) {
      const body = r.body as Buffer | null;
      if (body && body.length) {
        text = decodeAttributedBody(body);
        if (text == null) unreadableBody++;
        else fromBody = true;
      }
    }
    // U+FFFC marks where an attachment sat in the text.
    if (text) text = text.replace(/\uFFFC/g, '').trim() || null;
    const hasAtt = (num(r.has_att) ?? 0) !== 0;
    if (!text && !hasAtt) continue;
    const raw = asText(r.handle) ?? asText(r.chat);
    const number = normalizePhone(raw);
    const direction = (num(r.from_me) ?? 0) !== 0 ? 'out' : 'in';
    const guid = asText(r.guid);
    const meta: Record<string, unknown> = { source: 'iphone-backup', service: asText(r.service) ?? null };
    if (raw && number == null) meta.rawNumber = raw;
    if (fromBody) meta.textFrom = 'attributedBody';
    if (hasAtt) meta.hasAttachments = true;
    if (r.is_read != null && direction === 'in') meta.read = (num(r.is_read) ?? 0) !== 0;
    yield {
      kind: 'sms',
      direction,
      at,
      tz,
      number,
      text,
      durationS: null,
      meta,
      position,
      dedupeKey: stableKey(guid ? ['iphone-sms', guid] : ['iphone-sms', number ?? raw ?? '', at, direction, text]),
    };
  }
  if (skippedNoDate) onNote?.(`sms.db：${skippedNoDate} 条短信没有时间，已跳过 / ${skippedNoDate} messages without a date were skipped`);
  if (unreadableBody) onNote?.(`sms.db：${unreadableBody} 条短信的正文读不出来（attributedBody 不完整）/ the body of ${unreadableBody} messages could not be read (attributedBody incomplete)`);
}

/** Calls of CallHistory.storedata (ZCALLRECORD) as events. */
export function* readCalls(db: Database.Database, file: string, tz: string, onNote?: (s: string) => void): Generator<NewEvent> {
  const c = columns(db, 'ZCALLRECORD');
  if (!c.has('ZDATE')) throw new IphoneBackupError('DAMAGED', 'CallHistory.storedata 里没有 ZCALLRECORD 表 / CallHistory.storedata has no ZCALLRECORD table', file);
  const col = (x: string) => (c.has(x) ? x : 'NULL');
  const stmt = db.prepare(
    `SELECT Z_PK AS pk, ZDATE AS date, ${col('ZDURATION')} AS duration, ${col('ZADDRESS')} AS address, ${col('ZORIGINATED')} AS originated, ` +
      `${col('ZANSWERED')} AS answered, ${col('ZCALLTYPE')} AS calltype, ${col('ZUNIQUE_ID')} AS uid, ${col('ZNAME')} AS name, ` +
      `${col('ZSERVICE_PROVIDER')} AS provider FROM ZCALLRECORD ORDER BY ZDATE`.replace('Z_PK AS pk', c.has('Z_PK') ? 'Z_PK AS pk' : 'rowid AS pk'),
  );
  let skipped = 0;
  let position = 0;
  for (const r of stmt.iterate() as Iterable<Record<string, unknown>>) {
    position++;
    const at = appleTimeToMs(num(r.date));
    if (at == null) {
      skipped++;
      continue;
    }
    const raw = asText(r.address)?.trim() || null;
    const number = normalizePhone(raw);
    const out = (num(r.originated) ?? 0) !== 0;
    const answered = (num(r.answered) ?? 0) !== 0;
    const status: CallStatus = out ? 'outgoing' : answered ? 'answered' : 'missed';
    const dur = num(r.duration);
    const durationS = dur != null && dur >= 0 ? Math.round(dur) : null;
    const meta: Record<string, unknown> = { source: 'iphone-backup', callType: num(r.calltype) };
    if (raw && number == null) meta.rawNumber = raw;
    const provider = asText(r.provider);
    if (provider) meta.provider = provider;
    const uid = asText(r.uid);
    yield {
      kind: 'call',
      direction: out ? 'out' : 'in',
      at,
      tz,
      number,
      counterpartName: asText(r.name) || null,
      text: null,
      durationS,
      callStatus: status,
      meta,
      position,
      dedupeKey: stableKey(uid ? ['iphone-call', uid] : ['iphone-call', number ?? raw ?? '', at, out, durationS]),
    };
  }
  if (skipped) onNote?.(`CallHistory：${skipped} 条通话没有时间，已跳过 / ${skipped} calls without a date were skipped`);
}

/** People of AddressBook.sqlitedb with their phone numbers. */
export function* readContacts(db: Database.Database): Generator<NewContact> {
  const p = columns(db, 'ABPerson');
  const mv = columns(db, 'ABMultiValue');
  if (!p.has('ROWID') || !mv.has('record_id') || !mv.has('value')) return;
  const col = (x: string) => (p.has(x) ? x : 'NULL');
  const people = db.prepare(`SELECT ROWID AS id, ${col('First')} AS first, ${col('Last')} AS last, ${col('Middle')} AS middle, ${col('Organization')} AS org, ${col('Nickname')} AS nick, ${col('Note')} AS note FROM ABPerson ORDER BY ROWID`);
  const phones = db.prepare(`SELECT value FROM ABMultiValue WHERE record_id = ? ${mv.has('property') ? 'AND property = 3' : ''}`);
  for (const r of people.iterate() as Iterable<Record<string, unknown>>) {
    const numbers = [...new Set((phones.all(r.id) as { value: unknown }[]).map((x) => normalizePhone(asText(x.value))).filter((x): x is string => x != null))];
    if (!numbers.length) continue;
    const first = asText(r.first)?.trim() ?? '';
    const last = asText(r.last)?.trim() ?? '';
    const middle = asText(r.middle)?.trim() ?? '';
    const cjk = /[\u3400-\u9fff]/.test(first + last);
    const name = (cjk ? `${last}${middle}${first}` : [first, middle, last].filter(Boolean).join(' ')).trim() || asText(r.nick)?.trim() || asText(r.org)?.trim() || numbers[0]!;
    yield { name, numbers, note: asText(r.note), dedupeKey: stableKey(['contact', name, [...numbers].sort()]) };
  }
}

/**
 * All records of a backup: contacts first (so a collector's calls to a contact link at once), then calls,
 * then messages. Throws IphoneBackupError for an encrypted backup, a folder that is not a backup, or a backup
 * with none of the three databases.
 */
export async function* readIphoneBackup(src: BackupSource, opts: IphoneReadOptions): AsyncGenerator<ImportRecord> {
  const { manifest } = await openManifest(src);
  const found: Partial<Record<IphoneFileKey, string>> = {};
  const walOf: Partial<Record<IphoneFileKey, string>> = {};
  try {
    for (const [k, f] of Object.entries(IPHONE_FILES) as [IphoneFileKey, { domain: string; path: string }][]) {
      const id = lookupFileId(manifest, f.domain, f.path);
      if (id) found[k] = id;
      const wal = lookupFileId(manifest, f.domain, `${f.path}-wal`);
      if (wal) walOf[k] = wal;
    }
  } finally {
    manifest.close();
  }
  const order: IphoneFileKey[] = ['contacts', 'calls', 'callsTemp', 'sms'];
  const todo = order.filter((k) => found[k]);
  if (!found.sms && !found.calls && !found.contacts) {
    throw new IphoneBackupError('NOTHING_TO_READ', '这个 iPhone 备份里没有短信、通话记录和通讯录（sms.db、CallHistory.storedata、AddressBook.sqlitedb 都不在备份目录里）/ this iPhone backup lists no messages, calls or contacts', src.name);
  }
  let records = 0;
  let done = 0;
  let readAny = false;
  for (const k of todo) {
    opts.signal?.throwIfAborted();
    const f = IPHONE_FILES[k];
    let bytes = await readBackupFile(src, found[k]!);
    if (!bytes) {
      opts.onNote?.(`备份目录列出了 ${f.path}，但备份里没有这个文件（${found[k]}），已跳过 / the manifest lists ${f.path} but its file ${found[k]} is missing: skipped`);
      opts.onStep?.({ step: k, records, done: ++done, total: todo.length });
      continue;
    }
    readAny = true;
    const walId = walOf[k];
    const walBytes = walId ? await readBackupFile(src, walId) : null;
    if (walId && !walBytes) opts.onNote?.(`备份目录列出了 ${f.path}-wal，但备份里没有这个文件，最新的几条可能缺失 / the manifest lists ${f.path}-wal but its file is missing: the newest rows may be missing`);
    if (walBytes?.length) {
      const applied = applyWal(bytes, walBytes);
      if (applied.problem) opts.onNote?.(`${f.path}-wal 读不了（${applied.problem}），只读了主数据库，最新的几条可能缺失 / ${f.path}-wal could not be applied (${applied.problem}): the newest rows may be missing`);
      bytes = applied.image;
    }
    const db = openSqliteImage(bytes, f.path.replace(/^.*\//, ''), src.name);
    bytes = null;
    try {
      if (k === 'contacts') {
        for (const contact of readContacts(db)) {
          records++;
          yield { type: 'contact', contact };
        }
      } else {
        const table = k === 'sms' ? 'message' : 'ZCALLRECORD';
        let rows = 0;
        try {
          rows = Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n) || 0;
        } catch {
          // no such table: the reader below says so
        }
        const gen = k === 'sms' ? readMessages(db, src.name, opts.tz, opts.onNote) : readCalls(db, src.name, opts.tz, opts.onNote);
        let seen = 0;
        for (const event of gen) {
          records++;
          seen++;
          yield { type: 'event', event };
          if ((records & 1023) === 0) {
            opts.signal?.throwIfAborted();
            // Progress within the part, by rows read (some rows are skipped: the fraction is a floor).
            if (rows > 0) opts.onStep?.({ step: k, records, done: done + Math.min(0.99, seen / rows), total: todo.length });
          }
        }
      }
    } finally {
      db.close();
    }
    opts.onStep?.({ step: k, records, done: ++done, total: todo.length });
  }
  if (!readAny) {
    throw new IphoneBackupError('DAMAGED', '备份目录列出的短信、通话和通讯录文件都不在备份里：备份可能没有复制完整，请重新复制整个备份文件夹 / none of the listed database files is in the backup: copy the whole backup folder again', src.name);
  }
}
