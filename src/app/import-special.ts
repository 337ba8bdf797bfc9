/**
 * Imports that are not one stream of records, routed here by importFile (import.ts):
 *
 * - an iPhone backup folder (`huxun import ~/…/MobileSync/Backup/<UDID>`), read in place;
 * - an iPhone backup as a zip: the web page cannot upload a folder as one file, so when a person chooses the
 *   backup folder the page packs the few files the importer reads (Manifest.plist, Manifest.db and the three
 *   databases, found by their fixed file IDs) into an uncompressed zip and uploads that; a zip the person made
 *   of the whole folder works too (any folder level inside the zip). A staged upload sealed with the file key is
 *   read into memory (at most IPHONE_ZIP_MAX_SEALED bytes) so that no plaintext reaches the disk; a plain
 *   one is read in place;
 * - a call recording (recordings.ts).
 *
 * Both go through the same writing half as every import (runImport): one transaction, rows deduplicated by
 * key, the evidence chain.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import * as yauzl from 'yauzl';
import { readIphoneBackup, type BackupSource } from '../import/iphone/backup.js';
import { detectRecording } from '../import/recording.js';
import { isSealedFile, openReadStream } from '../store/sealed.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { runImport, type ImportFileOptions, type ImportFileResult } from './import.js';
import { prepareRecords, readAtMost } from './import-prepare.js';
import { importRecording } from './recordings.js';

/** One database of a backup read into memory (sms.db of a heavy user is hundreds of MB; Buffer max is 4 GiB). */
export const IPHONE_FILE_MAX = 2 * 1024 ** 3;
/** A sealed staged zip is decrypted into memory: the page's zip of the few files needed stays far below this. */
export const IPHONE_ZIP_MAX_SEALED = 1536 * 1024 ** 2;

type Opts = Pick<ImportFileOptions, 'onProgress' | 'signal'>;

export interface IphoneImportExtra {
  /** Non-fatal findings (a database missing from the folder, messages whose body could not be read). */
  notes: string[];
}

/** Files of a backup folder on disk. Paths cannot leave the folder. */
export function folderSource(dir: string): BackupSource {
  const root = resolve(dir);
  return {
    name: basename(root),
    async read(rel) {
      const p = resolve(root, rel);
      if (p !== root && !p.startsWith(root + sep)) return null;
      if (!existsSync(p)) return null;
      const st = statSync(p);
      if (!st.isFile()) return null;
      if (st.size > IPHONE_FILE_MAX) throw new AppError('BAD_INPUT', `${rel}: 文件太大 the file is too large (${st.size} bytes)`);
      return readFileSync(p);
    },
  };
}

function readAllStream(s: AsyncIterable<Buffer>, max: number, what: string): Promise<Buffer> {
  return readAtMost(s, max, () => new AppError('BAD_INPUT', `${what}: 文件太大 the file is too large`));
}

/** The zip's files under the folder that holds Manifest.db / Manifest.plist, or null when it is not an iPhone backup. */
export async function zipSource(ctx: AppContext, path: string, size: number): Promise<(BackupSource & { close(): void }) | null> {
  let zip: yauzl.ZipFile;
  try {
    if (isSealedFile(path)) {
      if (size > IPHONE_ZIP_MAX_SEALED + 1024 * 1024) {
        throw new AppError('BAD_INPUT', `${basename(path)}: 压缩包太大。请在导入页用「选择 iPhone 备份文件夹」，页面只会上传需要的几个文件 / the zip is too large: choose the backup folder on the import page instead, which uploads only the few files needed`);
      }
      const buf = await readAllStream(openReadStream(path, ctx.fileKey) as AsyncIterable<Buffer>, IPHONE_ZIP_MAX_SEALED + 1024 * 1024, basename(path));
      zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true, validateEntrySizes: true });
    } else {
      zip = await yauzl.openPromise(path, { lazyEntries: true, validateEntrySizes: true, autoClose: false });
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    return null;
  }
  const entries = new Map<string, yauzl.Entry>();
  let root: string | null = null;
  try {
    if (zip.entryCount > 2_000_000) throw new AppError('BAD_INPUT', `${basename(path)}: 压缩包里的文件太多 the zip has too many entries`);
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName.replace(/\\/g, '/');
      if (name.endsWith('/')) continue;
      const m = /^(.*?)(Manifest\.db|Manifest\.plist|Manifest\.mbdb)$/.exec(name);
      if (m && (m[1] === '' || m[1]!.endsWith('/')) && (root == null || m[1]!.length < root.length)) root = m[1]!;
      entries.set(name, entry);
    }
  } catch (e) {
    zip.close();
    if (e instanceof AppError) throw e;
    return null;
  }
  if (root == null) {
    zip.close();
    return null;
  }
  const prefix = root;
  return {
    name: basename(path),
    async read(rel) {
      const entry = entries.get(prefix + rel);
      if (!entry) return null;
      if (entry.uncompressedSize > IPHONE_FILE_MAX) throw new AppError('BAD_INPUT', `${rel}: 文件太大 the file is too large`);
      // Deflate beyond 1000× is no database: refused from the header, before inflating.
      if (entry.uncompressedSize > 64 * 1024 * 1024 && entry.uncompressedSize > entry.compressedSize * 1000) {
        throw new AppError('BAD_INPUT', `${rel}: 疑似压缩炸弹，拒绝解压 / refused: it would inflate more than 1000×`);
      }
      const rs = await zip.openReadStreamPromise(entry);
      try {
        return await readAllStream(rs as AsyncIterable<Buffer>, entry.uncompressedSize, rel);
      } finally {
        rs.destroy();
      }
    },
    close: () => zip.close(),
  };
}

async function importIphoneSource(ctx: AppContext, src: BackupSource, file: string, size: number, opts: Opts): Promise<ImportFileResult & IphoneImportExtra> {
  const notes: string[] = [];
  const hash = createHash('sha256');
  let read = 0;
  let progress = 0;
  // The bytes of the databases read are hashed in order: the import's sha256 names what was read.
  const counted: BackupSource = {
    name: src.name,
    async read(rel) {
      const b = await src.read(rel);
      if (b && rel !== 'Manifest.plist') {
        hash.update(b);
        read += b.length;
      }
      return b;
    },
  };
  const res = await runImport(ctx, { file, format: 'iphone-backup', size, thread: 'inline' }, (importId) => {
    const records = readIphoneBackup(counted, {
      tz: ctx.tz,
      signal: opts.signal,
      onNote: (s) => notes.push(s),
      onStep: (s) => {
        progress = Math.round((size * s.done) / Math.max(1, s.total));
        opts.onProgress?.({ file, bytesRead: progress, bytesTotal: size, records: s.records });
      },
    });
    return prepareRecords(records, { importId, file, dataDir: ctx.dataDir, caseId: ctx.caseId }, ctx.fileKey, () => Math.max(progress, 0), () => (read ? hash.digest('hex') : null));
  }, opts);
  return { ...res, notes };
}

/** An iPhone backup folder, read in place. */
export async function importIphoneFolder(ctx: AppContext, dir: string, opts: Opts = {}): Promise<ImportFileResult & IphoneImportExtra> {
  const src = folderSource(dir);
  let size = 0;
  for (const f of ['Manifest.db', 'Manifest.plist']) {
    try {
      size += statSync(join(dir, f)).size;
    } catch {
      // absent: readIphoneBackup says what is missing
    }
  }
  return importIphoneSource(ctx, src, basename(resolve(dir)), Math.max(size, 1), opts);
}

/** Recordings and zipped iPhone backups; null for everything else (the stream formats of detectFormat). */
export async function routeSpecialImport(ctx: AppContext, path: string, head: Buffer, size: number, opts: Opts): Promise<ImportFileResult | null> {
  const file = basename(path);
  const rec = detectRecording(head, file);
  if (rec) return importRecording(ctx, path, rec, size, opts);
  if (head.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') {
    const src = await zipSource(ctx, path, size);
    if (!src) return null;
    try {
      return await importIphoneSource(ctx, src, file, size, opts);
    } finally {
      src.close();
    }
  }
  return null;
}
