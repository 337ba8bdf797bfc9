/**
 * Test support: a synthetic unencrypted iPhone backup built with better-sqlite3, as sources.md §2.4
 * describes (used by the tests, not by the app). Every part can be left out or damaged for the bad cases.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { encodeAttributedBody } from './typedstream.js';

export const APPLE_EPOCH_MS = 978307200000;
/** 2026-03-02 09:15:00 +08:00 as Apple seconds. */
export const T0_S = Date.UTC(2026, 2, 2, 1, 15, 0) / 1000 - APPLE_EPOCH_MS / 1000;

export function fileId(domain: string, path: string): string {
  return createHash('sha1').update(`${domain}-${path}`).digest('hex');
}

export interface SyntheticOptions {
  encrypted?: boolean;
  /** Leave these databases out of the folder (still listed in Manifest.db). */
  missing?: ('sms' | 'calls' | 'contacts')[];
  /** message table without its optional columns (guid, attributedBody, service, item_type, …). */
  minimalMessageTable?: boolean;
  /** One more row whose attributedBody is cut short. */
  truncatedBody?: boolean;
  /** sms.db in WAL mode, as on a phone. */
  wal?: boolean;
  /**
   * sms.db and CallHistory.storedata in WAL mode with their newest rows (one message, one call) only in
   * `sms.db-wal` / `CallHistory.storedata-wal`, listed in Manifest.db like any file; `damagedWal` cuts the logs short
   * inside their last frame (the committed frames before it still count).
   */
  walPending?: boolean;
  damagedWal?: boolean;
  /** Write the databases flat (`<id>`) instead of `<id[0:2]>/<id>`. */
  flat?: boolean;
  /** Manifest.plist as a binary plist. */
  binaryPlist?: boolean;
}

export const COLLECTOR = '10690000123456';
export const FRIEND = '+8613812345678';

export interface SyntheticExpect {
  sms: { at: number; direction: 'in' | 'out'; number: string; text: string }[];
  calls: { at: number; direction: 'in' | 'out'; number: string; status: string; durationS: number }[];
}

function dbFile(path: string, build: (db: Database.Database) => void, wal = false, pending?: { build: (db: Database.Database) => void; walPath: string; cut?: boolean }): void {
  // With rows pending in the log, the database is built beside its place and both files are copied while the
  // connection is open: closing the last connection would checkpoint the log into the database.
  const at = pending ? `${path}.build` : path;
  const db = new Database(at);
  if (wal || pending) db.pragma('journal_mode = WAL');
  build(db);
  if (wal || pending) db.pragma('wal_checkpoint(TRUNCATE)');
  if (pending) {
    db.pragma('wal_autocheckpoint = 0');
    pending.build(db);
    copyFileSync(at, path);
    const log = readFileSync(`${at}-wal`);
    writeFileSync(pending.walPath, pending.cut ? log.subarray(0, log.length - 100) : log);
  }
  db.close();
  if (pending) for (const f of [at, `${at}-wal`, `${at}-shm`]) rmSync(f, { force: true });
}

/** Builds the backup in `dir` (created) and returns what an importer should read from it. */
export function buildSyntheticBackup(dir: string, o: SyntheticOptions = {}): SyntheticExpect {
  mkdirSync(dir, { recursive: true });
  const files = {
    sms: ['HomeDomain', 'Library/SMS/sms.db'],
    calls: ['HomeDomain', 'Library/CallHistoryDB/CallHistory.storedata'],
    contacts: ['HomeDomain', 'Library/AddressBook/AddressBook.sqlitedb'],
  } as const;
  const where = (k: keyof typeof files, suffix = '') => {
    const id = fileId(files[k][0], files[k][1] + suffix);
    const sub = o.flat ? dir : join(dir, id.slice(0, 2));
    mkdirSync(sub, { recursive: true });
    return join(sub, id);
  };
  const s = (sec: number) => BigInt(Math.round(sec)) * 1_000_000_000n;
  const ms = (sec: number) => APPLE_EPOCH_MS + sec * 1000;
  const expect: SyntheticExpect = {
    sms: [
      { at: ms(T0_S), direction: 'in', number: COLLECTOR, text: '【某某金融】张三你已逾期30天，再不还款就通知你通讯录所有人' },
      { at: ms(T0_S + 60), direction: 'in', number: COLLECTOR, text: '最后通牒：今天不还就上门 😡 回复TD退订' },
      { at: ms(T0_S + 120), direction: 'out', number: COLLECTOR, text: '我在想办法，请不要联系我的家人' },
      { at: ms(T0_S - 86400 * 3000), direction: 'in', number: '13812345678', text: '老同学，最近好吗？' },
    ],
    calls: [
      { at: ms(T0_S + 300), direction: 'in', number: '13900001111', status: 'missed', durationS: 0 },
      { at: ms(T0_S + 600.5), direction: 'in', number: '13900001111', status: 'answered', durationS: 95 },
      { at: ms(T0_S + 900), direction: 'out', number: '13812345678', status: 'outgoing', durationS: 30 },
    ],
  };
  const pendingSms = { at: ms(T0_S + 180), direction: 'in' as const, number: COLLECTOR, text: '只在 WAL 里的最新一条：今晚十点前不还就去你单位' };
  const pendingCall = { at: ms(T0_S + 1200), direction: 'in' as const, number: '13900001111', status: 'missed', durationS: 0 };
  if (o.walPending) {
    expect.sms.push(pendingSms);
    expect.calls.push(pendingCall);
  }
  if (!o.missing?.includes('sms')) {
    dbFile(where('sms'), (db) => {
      db.exec(`CREATE TABLE handle (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, country TEXT, service TEXT NOT NULL, uncanonicalized_id TEXT)`);
      db.exec(`CREATE TABLE chat (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT, style INTEGER, chat_identifier TEXT, service_name TEXT, display_name TEXT)`);
      db.exec(`CREATE TABLE chat_message_join (chat_id INTEGER, message_id INTEGER, message_date INTEGER DEFAULT 0)`);
      db.exec(`CREATE TABLE chat_handle_join (chat_id INTEGER, handle_id INTEGER)`);
      if (o.minimalMessageTable) {
        db.exec(`CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT, handle_id INTEGER DEFAULT 0, date INTEGER, is_from_me INTEGER DEFAULT 0)`);
      } else {
        db.exec(`CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, text TEXT, attributedBody BLOB, handle_id INTEGER DEFAULT 0,
          service TEXT, date INTEGER, date_read INTEGER, date_delivered INTEGER, is_from_me INTEGER DEFAULT 0, is_read INTEGER DEFAULT 0,
          item_type INTEGER DEFAULT 0, associated_message_type INTEGER DEFAULT 0, cache_has_attachments INTEGER DEFAULT 0)`);
      }
      db.prepare('INSERT INTO handle (id, country, service) VALUES (?, ?, ?)').run(COLLECTOR, 'cn', 'SMS');
      db.prepare('INSERT INTO handle (id, country, service) VALUES (?, ?, ?)').run(FRIEND, 'cn', 'SMS');
      db.prepare('INSERT INTO chat (guid, style, chat_identifier, service_name) VALUES (?, 45, ?, ?)').run(`SMS;-;${COLLECTOR}`, COLLECTOR, 'SMS');
      db.prepare('INSERT INTO chat (guid, style, chat_identifier, service_name) VALUES (?, 45, ?, ?)').run(`SMS;-;${FRIEND}`, FRIEND, 'SMS');
      db.exec('INSERT INTO chat_handle_join VALUES (1, 1), (2, 2)');
      const rows: { text: string | null; body: Buffer | null; handle: number; date: bigint; fromMe: number; chat: number }[] = [
        { text: expect.sms[0]!.text, body: null, handle: 1, date: s(T0_S), fromMe: 0, chat: 1 },
        { text: null, body: encodeAttributedBody(expect.sms[1]!.text), handle: 1, date: s(T0_S + 60), fromMe: 0, chat: 1 },
        { text: expect.sms[2]!.text, body: null, handle: 1, date: s(T0_S + 120), fromMe: 1, chat: 1 },
        // Before iOS 11: seconds, not nanoseconds.
        { text: expect.sms[3]!.text, body: null, handle: 2, date: BigInt(T0_S - 86400 * 3000), fromMe: 0, chat: 2 },
      ];
      if (o.minimalMessageTable) {
        rows[1]!.text = expect.sms[1]!.text;
        const ins = db.prepare('INSERT INTO message (text, handle_id, date, is_from_me) VALUES (?, ?, ?, ?)');
        rows.forEach((r, i) => {
          ins.run(r.text, r.handle, r.date, r.fromMe);
          db.prepare('INSERT INTO chat_message_join VALUES (?, ?, ?)').run(r.chat, i + 1, r.date);
        });
      } else {
        const ins = db.prepare('INSERT INTO message (guid, text, attributedBody, handle_id, service, date, is_from_me, is_read) VALUES (?, ?, ?, ?, ?, ?, ?, 1)');
        rows.forEach((r, i) => {
          ins.run(`GUID-${i + 1}`, r.text, r.body, r.handle, 'SMS', r.date, r.fromMe);
          db.prepare('INSERT INTO chat_message_join VALUES (?, ?, ?)').run(r.chat, i + 1, r.date);
        });
        // A tapback: not a message.
        db.prepare('INSERT INTO message (guid, text, handle_id, service, date, associated_message_type) VALUES (?, ?, 1, ?, ?, 2000)').run('GUID-tapback', 'Liked “…”', 'iMessage', s(T0_S + 130));
        if (o.truncatedBody) {
          const full = encodeAttributedBody('这一条的正文被截断了，读不全');
          db.prepare('INSERT INTO message (guid, text, attributedBody, handle_id, service, date) VALUES (?, NULL, ?, 1, ?, ?)').run('GUID-cut', full.subarray(0, 60), 'SMS', s(T0_S + 140));
        }
      }
    }, o.wal, o.walPending ? {
      walPath: where('sms', '-wal'),
      cut: o.damagedWal,
      build: (db) => {
        const n = db.prepare('INSERT INTO message (guid, text, handle_id, service, date, is_from_me, is_read) VALUES (?, ?, 1, ?, ?, 0, 0)').run('GUID-wal', pendingSms.text, 'SMS', s(T0_S + 180));
        db.prepare('INSERT INTO chat_message_join VALUES (1, ?, ?)').run(n.lastInsertRowid, s(T0_S + 180));
      },
    } : undefined);
  }
  if (!o.missing?.includes('calls')) {
    dbFile(where('calls'), (db) => {
      db.exec(`CREATE TABLE ZCALLRECORD (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZANSWERED INTEGER, ZCALLTYPE INTEGER, ZDISCONNECTED_CAUSE INTEGER,
        ZFACE_TIME_DATA INTEGER, ZNUMBER_AVAILABILITY INTEGER, ZORIGINATED INTEGER, ZREAD INTEGER, ZDATE TIMESTAMP, ZDURATION FLOAT, ZADDRESS VARCHAR,
        ZDEVICE_ID VARCHAR, ZISO_COUNTRY_CODE VARCHAR, ZLOCATION VARCHAR, ZNAME VARCHAR, ZSERVICE_PROVIDER VARCHAR, ZUNIQUE_ID VARCHAR)`);
      const ins = db.prepare('INSERT INTO ZCALLRECORD (ZANSWERED, ZCALLTYPE, ZORIGINATED, ZDATE, ZDURATION, ZADDRESS, ZISO_COUNTRY_CODE, ZSERVICE_PROVIDER, ZUNIQUE_ID) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)');
      ins.run(0, 0, T0_S + 300, 0.0, '+86 139 0000 1111', 'cn', 'com.apple.Telephony', 'UID-1');
      // ZADDRESS as a BLOB, as some iOS versions store it.
      ins.run(1, 0, T0_S + 600.5, 95.2, Buffer.from('13900001111', 'utf8'), 'cn', 'com.apple.Telephony', 'UID-2');
      ins.run(1, 1, T0_S + 900, 30, FRIEND, 'cn', 'com.apple.Telephony', 'UID-3');
    }, false, o.walPending ? {
      walPath: where('calls', '-wal'),
      cut: o.damagedWal,
      build: (db) => {
        db.prepare('INSERT INTO ZCALLRECORD (ZANSWERED, ZCALLTYPE, ZORIGINATED, ZDATE, ZDURATION, ZADDRESS, ZUNIQUE_ID) VALUES (0, 1, 0, ?, 0, ?, ?)').run(T0_S + 1200, '13900001111', 'UID-WAL');
      },
    } : undefined);
  }
  if (!o.missing?.includes('contacts')) {
    dbFile(where('contacts'), (db) => {
      db.exec('CREATE TABLE ABPerson (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, First TEXT, Last TEXT, Middle TEXT, Organization TEXT, Nickname TEXT, Note TEXT)');
      db.exec('CREATE TABLE ABMultiValue (UID INTEGER PRIMARY KEY, record_id INTEGER, property INTEGER, identifier INTEGER, label INTEGER, value TEXT)');
      db.prepare("INSERT INTO ABPerson (First, Last) VALUES ('伟', '王')").run();
      db.prepare("INSERT INTO ABPerson (First, Last) VALUES ('Mom', NULL)").run();
      db.prepare("INSERT INTO ABMultiValue (record_id, property, value) VALUES (1, 3, '138 1234 5678'), (1, 4, 'wang@example.com'), (2, 3, '+86 137-0000-2222')").run();
    });
  }
  dbFile(join(dir, 'Manifest.db'), (db) => {
    db.exec('CREATE TABLE Files (fileID TEXT PRIMARY KEY, domain TEXT, relativePath TEXT, flags INTEGER, file BLOB)');
    db.exec('CREATE TABLE Properties (key TEXT PRIMARY KEY, value BLOB)');
    const ins = db.prepare('INSERT INTO Files VALUES (?, ?, ?, 1, NULL)');
    for (const k of Object.keys(files) as (keyof typeof files)[]) ins.run(fileId(files[k][0], files[k][1]), files[k][0], files[k][1]);
    if (o.walPending) for (const k of ['sms', 'calls'] as const) ins.run(fileId(files[k][0], `${files[k][1]}-wal`), files[k][0], `${files[k][1]}-wal`);
    db.prepare("INSERT INTO Files VALUES (?, 'HomeDomain', 'Library/SMS', 2, NULL)").run(fileId('HomeDomain', 'Library/SMS'));
  });
  if (o.encrypted) {
    // An encrypted backup's Manifest.db is not SQLite.
    writeFileSync(join(dir, 'Manifest.db'), Buffer.alloc(4096, 0x5a));
  }
  writeFileSync(join(dir, 'Manifest.plist'), o.binaryPlist ? binaryPlist(!!o.encrypted) : xmlPlist(!!o.encrypted));
  writeFileSync(join(dir, 'Info.plist'), xmlPlist(false).replace('<key>IsEncrypted</key>', '<key>Device Name</key><string>iPhone</string><key>X</key>'));
  return expect;
}

function xmlPlist(encrypted: boolean): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>IsEncrypted</key>
	<${encrypted}/>
	<key>Version</key>
	<string>10.0</string>
	<key>Lockdown</key>
	<dict><key>ProductVersion</key><string>17.5</string></dict>
</dict>
</plist>
`;
}

/** bplist00 of { IsEncrypted: bool, Version: "10.0" }. */
function binaryPlist(encrypted: boolean): Buffer {
  const objs: Buffer[] = [
    Buffer.from([0xd2, 1, 2, 3, 4]), // dict of 2: keys 1,2 values 3,4
    Buffer.concat([Buffer.from([0x5b]), Buffer.from('IsEncrypted', 'latin1')]),
    Buffer.concat([Buffer.from([0x57]), Buffer.from('Version', 'latin1')]),
    Buffer.from([encrypted ? 0x09 : 0x08]),
    Buffer.concat([Buffer.from([0x54]), Buffer.from('10.0', 'latin1')]),
  ];
  const head = Buffer.from('bplist00', 'latin1');
  const offsets: number[] = [];
  let pos = head.length;
  for (const o of objs) {
    offsets.push(pos);
    pos += o.length;
  }
  const table = Buffer.from(offsets);
  const trailer = Buffer.alloc(32);
  trailer[6] = 1;
  trailer[7] = 1;
  trailer.writeBigUInt64BE(BigInt(objs.length), 8);
  trailer.writeBigUInt64BE(0n, 16);
  trailer.writeBigUInt64BE(BigInt(pos), 24);
  return Buffer.concat([head, ...objs, table, trailer]);
}
