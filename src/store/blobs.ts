/**
 * Attachment bytes (screenshots, recordings, receipts, documents sent) behind one interface, kept per case: a
 * case's files are named by (case id, sha256), so one case can never reach another's file by its hash, even
 * when both hold the same bytes (issue 15). The filesystem store below is what the local app and a single
 * server use; an object store (S3-like: key `cases/<caseId>/<sha256>`, docs/scaling.md) would implement the same
 * interface for several app servers. Every read and write of attachment bytes goes through a BlobStore; the app
 * layer checks the case's `attachments` row first (src/app/attachments.ts, readAttachment).
 *
 * Layout: `attachments/cases/<caseId>/<first two hex digits>/<sha256>`. Older versions wrote one folder shared by
 * all cases, `attachments/<first two>/<sha256>`; moveLegacyAttachments moves those files into their cases once,
 * when the app opens. The case folders sit under `cases/` rather than beside the two-hex-digit folders: a case id
 * such as 12 would otherwise share a folder name with the old layout's `12/`.
 *
 * Files are sealed when the data folder has a file key (src/store/sealed.ts): the name stays the sha256 of the
 * plaintext, reads give the plaintext either way, mode 0600.
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, renameSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type { DB } from './schema.js';
import { createWriteStream, openReadStream, settleSealedWrite, shaFiles } from './sealed.js';

export interface BlobStore {
  /**
   * Stores bytes whose sha256 is known (an MMS image, a screenshot, a received case file). The bytes are hashed
   * on the way and refused (StoreError-like BlobError BAD_HASH, nothing kept) when they do not match. An existing
   * blob of the case is left as it is.
   */
  put(caseId: number, sha256: string, data: Buffer | Readable): Promise<void>;
  /** Stores a stream whose hash is not known yet (an upload): hashed while written. Returns its sha256 and size. */
  add(caseId: number, data: Readable): Promise<{ sha256: string; size: number }>;
  /** The plaintext of a case's blob; null when the case has no such blob. Read errors come out of the stream. */
  openRead(caseId: number, sha256: string): Promise<Readable | null>;
  has(caseId: number, sha256: string): Promise<boolean>;
  /** Removes a case's blob (no error when it is not there). Other cases' copies of the same bytes stay. */
  delete(caseId: number, sha256: string): Promise<void>;
}

export class BlobError extends Error {
  constructor(
    readonly code: 'BAD_HASH' | 'BAD_NAME',
    message: string,
  ) {
    super(message);
    this.name = 'BlobError';
  }
}

const SHA = /^[0-9a-f]{64}$/;

function checkName(caseId: number, sha256: string): void {
  // Both end up in a path: anything but a positive integer and 64 hex digits is refused before it is joined.
  if (!Number.isSafeInteger(caseId) || caseId <= 0) throw new BlobError('BAD_NAME', `case id: expected a positive integer, got ${String(caseId)}`);
  if (!SHA.test(sha256)) throw new BlobError('BAD_NAME', 'sha256: expected 64 hex digits');
}

/** The attachments folder of a data folder. */
export function attachmentsRoot(dataDir: string): string {
  return join(dataDir, 'attachments');
}

/**
 * Attachments in the data folder. `key` is read at each write and read, not kept: the passphrase can be set or
 * removed while the app runs (AppContext.fileKey changes).
 */
export class FsBlobStore implements BlobStore {
  constructor(
    readonly dataDir: string,
    private readonly key: () => Buffer | null,
  ) {}

  /** The file of a case's blob (also for tests that look at the file itself). */
  pathOf(caseId: number, sha256: string): string {
    checkName(caseId, sha256);
    return join(attachmentsRoot(this.dataDir), 'cases', String(caseId), sha256.slice(0, 2), sha256);
  }

  private caseDir(caseId: number): string {
    const dir = join(attachmentsRoot(this.dataDir), 'cases', String(caseId));
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  }

  private tempIn(caseId: number): string {
    return join(this.caseDir(caseId), `.incoming-${process.pid}-${randomBytes(6).toString('hex')}`);
  }

  /** Moves a complete temp file into place (or drops it when the blob exists); no await in here, see settleSealedWrite. */
  private settle(tmp: string, caseId: number, sha256: string, key: Buffer | null): void {
    const final = this.pathOf(caseId, sha256);
    if (existsSync(final)) {
      rmSync(tmp, { force: true });
      return;
    }
    mkdirSync(join(this.caseDir(caseId), sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
    renameSync(tmp, final);
    // No await between the rename and this: a passphrase removed meanwhile must not strand a sealed file.
    settleSealedWrite(this.dataDir, final, key);
  }

  private async write(caseId: number, data: Buffer | Readable, expect: string | null): Promise<{ sha256: string; size: number }> {
    if (expect != null) checkName(caseId, expect);
    else checkName(caseId, '0'.repeat(64));
    if (expect != null && existsSync(this.pathOf(caseId, expect))) {
      if (!Buffer.isBuffer(data)) data.resume(); // nothing to store: let the producer finish
      return { sha256: expect, size: -1 };
    }
    const key = this.key();
    const tmp = this.tempIn(caseId);
    const hash = createHash('sha256');
    let size = 0;
    const out = createWriteStream(tmp, key);
    try {
      await pipeline(
        Buffer.isBuffer(data) ? Readable.from([data]) : data,
        new Transform({
          transform(chunk: Buffer, _e, cb) {
            hash.update(chunk);
            size += chunk.length;
            cb(null, chunk);
          },
        }),
        out,
      );
    } catch (e) {
      // An interrupted write must not leave its bytes behind in the data folder. The file opens asynchronously:
      // when the input fails at once, removing it before the write stream has closed would race its creation.
      if (!out.closed) await new Promise<void>((r) => out.once('close', () => r()));
      rmSync(tmp, { force: true });
      throw e;
    }
    const sha256 = hash.digest('hex');
    if (expect != null && sha256 !== expect) {
      rmSync(tmp, { force: true });
      throw new BlobError('BAD_HASH', `the bytes do not match their sha256 ${expect.slice(0, 12)}…`);
    }
    this.settle(tmp, caseId, sha256, key);
    return { sha256, size };
  }

  async put(caseId: number, sha256: string, data: Buffer | Readable): Promise<void> {
    await this.write(caseId, data, sha256);
  }

  async add(caseId: number, data: Readable): Promise<{ sha256: string; size: number }> {
    return this.write(caseId, data, null);
  }

  async openRead(caseId: number, sha256: string): Promise<Readable | null> {
    const p = this.pathOf(caseId, sha256);
    if (!existsSync(p)) return null;
    return openReadStream(p, this.key(), { highWaterMark: 1 << 20 });
  }

  async has(caseId: number, sha256: string): Promise<boolean> {
    return existsSync(this.pathOf(caseId, sha256));
  }

  async delete(caseId: number, sha256: string): Promise<void> {
    rmSync(this.pathOf(caseId, sha256), { force: true });
  }
}

/** Files of the shared layout older versions wrote: attachments/<xx>/<sha256>. */
function* legacyFiles(dataDir: string): Generator<{ path: string; sha256: string }> {
  for (const path of shaFiles(attachmentsRoot(dataDir))) yield { path, sha256: basename(path) };
}

/**
 * Moves attachment files written by older versions (attachments/<xx>/<sha256>, shared by all cases) into the
 * cases that recorded them (their `attachments` rows), once, when the app opens. A file no case recorded (an
 * import that failed after storing it) goes to `localCaseId`, the case the local app acts on. Each file is linked
 * into every case that recorded it before the old name is removed, so a crash at any point leaves every file
 * reachable, and the next open finishes the move. Returns how many old files were moved.
 */
export async function moveLegacyAttachments(db: Kysely<DB>, dataDir: string, localCaseId: number): Promise<number> {
  const files = [...legacyFiles(dataDir)];
  if (!files.length) return 0;
  const owners = new Map<string, number[]>();
  const rows = await db.selectFrom('attachments').select(['case_id', 'sha256']).where('sha256', 'in', files.map((f) => f.sha256)).execute();
  for (const r of rows) owners.set(r.sha256, [...(owners.get(r.sha256) ?? []), Number(r.case_id)]);
  // The key is not needed: files move as they are, sealed or plain.
  const fs = new FsBlobStore(dataDir, () => null);
  for (const f of files) {
    for (const caseId of owners.get(f.sha256) ?? [localCaseId]) {
      const target = fs.pathOf(caseId, f.sha256);
      if (existsSync(target)) continue;
      mkdirSync(join(attachmentsRoot(dataDir), 'cases', String(caseId), f.sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
      // A hard link costs no copy; a later seal or unseal (temp + rename per path) gives each case its own file.
      const tmp = `${target}.moving-${process.pid}`;
      try {
        linkSync(f.path, tmp);
      } catch {
        copyFileSync(f.path, tmp);
      }
      renameSync(tmp, target);
    }
    unlinkSync(f.path);
  }
  for (const d of new Set(files.map((f) => f.path.slice(0, f.path.length - 65)))) {
    try {
      rmdirSync(d);
    } catch {
      // not empty (a temp file of an older version): left as it is
    }
  }
  return files.length;
}
