/**
 * An iPhone backup chosen as a folder in the browser (<input webkitdirectory>): a folder cannot be uploaded as
 * one file, and a whole backup is tens of GB, so the page picks the few files the importer reads — Manifest.plist,
 * Manifest.db and the databases of messages, calls and contacts, whose file names are fixed (sha1 of
 * domain-relativePath, src/import/iphone/backup.ts) — and packs them into one uncompressed zip ("stored",
 * no compression: the bytes are only read once for their CRC-32; the Blob refers to the files, nothing is
 * copied). The server reads that zip like any zipped backup (src/app/import-special.ts).
 */

/** fileIDs of the databases the importer reads (HomeDomain sms.db, CallHistory.storedata, CallHistoryTemp.storedata, AddressBook.sqlitedb). */
export const IPHONE_FILE_IDS = [
  '3d0d7e5fb2ce288813306e4d4636395e047a3d28',
  '5a4935c78a5255723f707230a451d79c540d2741',
  '81b7fe4b60b1d80e04b158a642b68803d982987d',
  '31bb7ba8914766d4ba40d6dfb6113c8b614be442',
] as const;

/**
 * fileIDs of their write-ahead logs (`sms.db-wal`…, sha1 of HomeDomain-<path>-wal): a backup may carry the newest
 * rows only there (the importer applies them, src/import/iphone/wal.ts).
 */
export const IPHONE_WAL_IDS = [
  'cd47480f213dba9bc38ee792775d17e3f5a73a59',
  'c0339210e4f85752a4bedaaab45deb02da195e15',
  'eb3717bd45a919ffef61863d2013e6a35f13d013',
  'a9aaf31e300bbb71f1602c65e27a29a6c85f98f8',
] as const;

export interface PickedFile {
  /** Path inside the zip, relative to the backup folder ("Manifest.db", "3d/3d0d…"). */
  name: string;
  file: Blob;
}

export type PickResult =
  | { ok: true; folder: string; files: PickedFile[]; bytes: number }
  | { ok: false; reason: 'not-a-backup' | 'old-backup' | 'no-databases' };

/** The files of an iPhone backup among those of a chosen folder (`webkitRelativePath`, or `name` for flat lists). */
export function pickIphoneBackup(files: ArrayLike<File & { webkitRelativePath?: string }>): PickResult {
  const byPath = new Map<string, File>();
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    byPath.set((f.webkitRelativePath || f.name).replace(/\\/g, '/'), f);
  }
  let root: string | null = null;
  let old = false;
  for (const p of byPath.keys()) {
    const m = /^(.*?)(Manifest\.db|Manifest\.plist|Manifest\.mbdb)$/.exec(p);
    if (!m || !(m[1] === '' || m[1]!.endsWith('/'))) continue;
    if (m[2] === 'Manifest.mbdb') old = true;
    else if (root == null || m[1]!.length < root.length) root = m[1]!;
  }
  if (root == null) return { ok: false, reason: old ? 'old-backup' : 'not-a-backup' };
  const picked: PickedFile[] = [];
  for (const n of ['Manifest.plist', 'Manifest.db']) {
    const f = byPath.get(root + n);
    if (f) picked.push({ name: n, file: f });
  }
  let dbs = 0;
  for (const id of IPHONE_FILE_IDS) {
    for (const rel of [`${id.slice(0, 2)}/${id}`, id]) {
      const f = byPath.get(root + rel);
      if (f) {
        picked.push({ name: rel, file: f });
        dbs++;
        break;
      }
    }
  }
  for (const id of IPHONE_WAL_IDS) {
    for (const rel of [`${id.slice(0, 2)}/${id}`, id]) {
      const f = byPath.get(root + rel);
      if (f) {
        picked.push({ name: rel, file: f });
        break;
      }
    }
  }
  // An encrypted backup still has Manifest.plist: the server reads it and explains.
  if (dbs === 0 && !picked.some((p) => p.name === 'Manifest.plist')) return { ok: false, reason: 'no-databases' };
  const folder = root.replace(/\/$/, '').split('/').pop() || 'iPhone';
  return { ok: true, folder, files: picked, bytes: picked.reduce((s, p) => s + p.file.size, 0) };
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

async function blobCrc(b: Blob, onBytes: (n: number) => void): Promise<number> {
  let crc = 0;
  const reader = b.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return crc;
    crc = crc32(value, crc);
    onBytes(value.length);
  }
}

/** A zip of the files, stored without compression (no ZIP64: at most 4 GiB in all). */
export async function storedZip(files: PickedFile[], onProgress?: (read: number, total: number) => void): Promise<Blob> {
  const total = files.reduce((s, f) => s + f.file.size, 0);
  if (total + files.length * 200 >= 0xffffffff) throw new RangeError('zip over 4 GiB');
  const enc = new TextEncoder();
  const parts: BlobPart[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  let read = 0;
  for (const f of files) {
    const name = enc.encode(f.name);
    const crc = await blobCrc(f.file, (n) => {
      read += n;
      onProgress?.(read, total);
    });
    const size = f.file.size;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true); // version needed
    local.setUint16(6, 0x0800, true); // UTF-8 names
    local.setUint16(8, 0, true); // stored
    local.setUint16(10, 0, true); // time
    local.setUint16(12, 0x21, true); // date 1980-01-01
    local.setUint32(14, crc, true);
    local.setUint32(18, size, true);
    local.setUint32(22, size, true);
    local.setUint16(26, name.length, true);
    local.setUint16(28, 0, true);
    parts.push(local.buffer, name as BlobPart, f.file);
    const c = new DataView(new ArrayBuffer(46));
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, 0x0800, true);
    c.setUint16(10, 0, true);
    c.setUint16(12, 0, true);
    c.setUint16(14, 0x21, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, size, true);
    c.setUint32(24, size, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    central.push(new Uint8Array(c.buffer), name);
    offset += 30 + name.length + size;
  }
  const cdSize = central.reduce((s, x) => s + x.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  return new Blob([...parts, ...(central as BlobPart[]), end.buffer], { type: 'application/zip' });
}
