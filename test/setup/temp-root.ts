/**
 * Global setup: every test run gets one private temp folder (TMPDIR for the workers and the programs they start),
 * and it is removed when the run ends. Tests make hundreds of data folders, case files and browser profiles under
 * os.tmpdir(); without this a failed cleanup in any of them, or a killed run, left borrower-shaped test data and
 * hundreds of megabytes in the shared /tmp on every run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'huxun-tests-'));
  process.env.TMPDIR = root;
  return () => {
    rmSync(root, { recursive: true, force: true });
  };
}
