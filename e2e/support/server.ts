/** The real Huxun server, in-process, on a temporary data folder and a free port. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/server/start.js';

export interface TestServer {
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'huxun-e2e-'));
  const s = await startServer({ dataDir, port: 0, host: '127.0.0.1' });
  return {
    url: s.url,
    dataDir,
    async close() {
      await s.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
