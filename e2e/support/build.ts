/**
 * Builds the web UI (vite build) when web/dist is missing or older than its sources. Several test files
 * may ask at once: a lock directory makes the others wait for the one build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'web', 'dist');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist') continue;
    m = Math.max(m, newest(join(path, name)));
  }
  return m;
}

export function webIsStale(): boolean {
  const built = join(DIST, 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(newest(join(ROOT, 'web', 'src')), newest(join(ROOT, 'web', 'index.html')), newest(join(ROOT, 'web', 'vite.config.ts')), newest(join(ROOT, 'src', 'shared')));
  return statSync(built).mtimeMs < sources;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function ensureWebBuilt(): Promise<void> {
  const lock = join(ROOT, 'web', '.build-lock');
  for (let waited = 0; ; waited += 200) {
    if (!webIsStale()) return;
    try {
      mkdirSync(lock);
    } catch {
      // Someone else is building; a lock older than 3 minutes is stale.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* gone already */
      }
      if (waited > 240_000) throw new Error('timed out waiting for another web build');
      await sleep(200);
      continue;
    }
    try {
      if (webIsStale()) {
        execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'pipe', timeout: 180_000, env: { ...process.env, NODE_ENV: 'production' } });
      }
      return;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
