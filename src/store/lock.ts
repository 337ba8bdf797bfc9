/**
 * One writer per data folder: the server holds the lock while it runs; a CLI command takes it
 * for its duration. A lock left by a dead process is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StoreError } from './db.js';
import { PRIVATE_FILE } from './private-fs.js';

export interface LockInfo {
  pid: number;
  what: string;
  url?: string;
  since: number;
}

export interface DataLock {
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(dataDir: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(join(dataDir, 'huxun.lock'), 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

export function acquireLock(dataDir: string, what: string, url?: string): DataLock {
  const file = join(dataDir, 'huxun.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // 0600: the lock names the process and the app's URL; it is no one else's business.
      const fd = openSync(file, 'wx', PRIVATE_FILE);
      const info: LockInfo = { pid: process.pid, what, url, since: Date.now() };
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        // A process that opens and closes the folder many times (tests, a server unlocked again) keeps no listener per lock.
        process.removeListener('exit', release);
        const cur = readLock(dataDir);
        if (cur && cur.pid === process.pid) rmSync(file, { force: true });
      };
      process.once('exit', release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const cur = readLock(dataDir);
      if (cur && cur.pid !== process.pid && alive(cur.pid)) {
        throw new StoreError(
          'LOCKED',
          `数据文件夹正被另一个护讯进程使用（${cur.what}，pid ${cur.pid}${cur.url ? `，${cur.url}` : ''}）。请先关闭它，或在网页中操作。\n` +
            `The data folder is in use by another Huxun process (${cur.what}, pid ${cur.pid}). Stop it or use the web app.`,
        );
      }
      rmSync(file, { force: true }); // stale
    }
  }
  throw new StoreError('LOCKED', 'could not take the data-folder lock');
}
