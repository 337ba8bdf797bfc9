/**
 * Files private to the person who runs Huxun: the data folder is 0700 and every file Huxun writes
 * 0600. The data holds a borrower's messages, contacts and debts; on a shared machine another
 * local account must not be able to read it. The CLI also sets umask 077 as a belt, but a umask
 * is process-wide and easy to lose (tests, embedding), so files are created with explicit modes
 * and `tightenDataDir` fixes folders written by older versions at every open.
 */
import { chmodSync, closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

/** Creates the folder (and parents it creates) as 0700; an existing folder is set to 0700. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  // mkdir applies the umask and leaves an existing folder as it was.
  chmodSync(dir, PRIVATE_DIR);
}

/** Creates an empty file as 0600 if it does not exist (SQLite then copies this mode to -wal, -shm and -journal). */
export function ensurePrivateFile(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE));
  chmodSync(path, PRIVATE_FILE);
}

/**
 * The entries of a data folder that Huxun writes: the database and its side files, backups and
 * restore copies (huxun.*), the lock, the file key, attachments, staged uploads and restore temp
 * folders. `--data` may point at a folder that also holds the person's other files: those are
 * never touched.
 */
export function isHuxunEntry(name: string): boolean {
  return /^huxun\./.test(name) || name === 'keys.json' || name === 'attachments' || name === 'uploads' || name.startsWith('.restore-');
}

/**
 * Sets the data folder to 0700 and Huxun's own entries in it (isHuxunEntry) to 0700 (folders) /
 * 0600 (files), recursively. Symbolic links are neither followed nor changed: a link could point
 * anywhere on the machine.
 */
export function tightenDataDir(dataDir: string): void {
  ensurePrivateDir(dataDir);
  const walk = (dir: string, top: boolean) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (top && !isHuxunEntry(name)) continue;
      const p = join(dir, name);
      let st;
      try {
        st = lstatSync(p);
      } catch {
        continue; // removed meanwhile
      }
      if (st.isSymbolicLink()) continue;
      if (st.isDirectory()) {
        if ((st.mode & 0o777) !== PRIVATE_DIR) chmodSync(p, PRIVATE_DIR);
        walk(p, false);
      } else if (st.isFile() && (st.mode & 0o777 & ~PRIVATE_FILE) !== 0) {
        // Only take permissions away (an owner-only 0400 stays as it is).
        chmodSync(p, st.mode & PRIVATE_FILE);
      }
    }
  };
  walk(dataDir, true);
}

/** Flushes a folder's entries (renames) to disk; a no-op where folders cannot be opened (Windows). */
export function fsyncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Best effort: some platforms and file systems refuse fsync on a directory.
  } finally {
    if (fd != null) closeSync(fd);
  }
}
