/**
 * Applies an SQLite write-ahead log to a database image in memory, as SQLite itself does when it opens a
 * database whose `-wal` file holds committed transactions not yet checkpointed (on a phone, the newest messages
 * of sms.db and calls of CallHistory.storedata often live only there; a backup can carry `sms.db-wal` beside
 * `sms.db`, listed in Manifest.db under its own fileID).
 *
 * Why in memory and not by copying both files to a temp folder and letting SQLite open them: a staged upload
 * sealed with the file key must not reach the disk as plaintext, and the person's backup is never written to
 * (SQLite opening the original folder would create `-shm` files there). The format is SQLite's documented WAL
 * file format (https://www.sqlite.org/fileformat2.html §4): a 32-byte header (magic 0x377f0682 / 0x377f0683 =
 * checksums over little- / big-endian words, page size, salts, header checksum), then frames of a 24-byte header
 * (page number, database size in pages after a commit or 0, the salts, a cumulative checksum) and one page.
 * A frame counts only while the salts match and the checksum chain holds; only frames up to the last valid
 * commit frame are applied (what SQLite's recovery keeps), the latest copy of a page winning.
 */

export interface WalApplied {
  /** The database image with the committed frames applied (a new buffer when anything changed). */
  image: Buffer;
  /** Frames applied (0: the log was empty, stale or damaged, and the image is returned as it was). */
  frames: number;
  /** Why nothing was applied, when the log was not usable. */
  problem?: string;
}

function checksum(buf: Buffer, start: number, end: number, bigEndian: boolean, s: [number, number]): [number, number] {
  let s0 = s[0];
  let s1 = s[1];
  for (let i = start; i < end; i += 8) {
    const a = bigEndian ? buf.readUInt32BE(i) : buf.readUInt32LE(i);
    const b = bigEndian ? buf.readUInt32BE(i + 4) : buf.readUInt32LE(i + 4);
    s0 = (s0 + a + s1) >>> 0;
    s1 = (s1 + b + s0) >>> 0;
  }
  return [s0, s1];
}

export function applyWal(db: Buffer, wal: Buffer): WalApplied {
  const same = (problem?: string): WalApplied => ({ image: db, frames: 0, ...(problem ? { problem } : {}) });
  if (wal.length < 32) return same(wal.length ? 'the log is shorter than its header' : undefined);
  const magic = wal.readUInt32BE(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) return same('not a write-ahead log');
  const bigEndian = magic === 0x377f0683;
  const pageSize = wal.readUInt32BE(8);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return same('bad page size');
  let sum = checksum(wal, 0, 24, bigEndian, [0, 0]);
  if (sum[0] !== wal.readUInt32BE(24) || sum[1] !== wal.readUInt32BE(28)) return same('the log header checksum does not match');
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  const dbPageSize = db.length >= 18 ? (db.readUInt16BE(16) === 1 ? 65536 : db.readUInt16BE(16)) : 0;
  if (dbPageSize && dbPageSize !== pageSize) return same('the log page size differs from the database');

  // page number → offset of its latest committed copy in the log
  const committed = new Map<number, number>();
  const pending = new Map<number, number>();
  let dbPages = 0;
  let frames = 0;
  for (let off = 32; off + 24 + pageSize <= wal.length; off += 24 + pageSize) {
    if (wal.readUInt32BE(off + 8) !== salt1 || wal.readUInt32BE(off + 12) !== salt2) break;
    sum = checksum(wal, off, off + 8, bigEndian, sum);
    sum = checksum(wal, off + 24, off + 24 + pageSize, bigEndian, sum);
    if (sum[0] !== wal.readUInt32BE(off + 16) || sum[1] !== wal.readUInt32BE(off + 20)) break;
    const page = wal.readUInt32BE(off);
    if (page === 0) break;
    pending.set(page, off + 24);
    const commitSize = wal.readUInt32BE(off + 4);
    if (commitSize !== 0) {
      for (const [p, o] of pending) committed.set(p, o);
      frames += pending.size;
      pending.clear();
      dbPages = commitSize;
    }
  }
  if (!committed.size) return same();
  const image = Buffer.alloc(dbPages * pageSize);
  db.copy(image, 0, 0, Math.min(db.length, image.length));
  for (const [p, o] of committed) if (p <= dbPages) wal.copy(image, (p - 1) * pageSize, o, o + pageSize);
  // The header's page count is trusted by SQLite when its change counter is current: it must say the new size.
  image.writeUInt32BE(dbPages, 28);
  return { image, frames };
}
