/** The real Huxun server, in-process, on a temporary data folder and a free port. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../../src/app/context.js';
import { setPassphrase } from '../../src/app/settings.js';
import { startServer } from '../../src/server/start.js';

export interface TestServer {
  /** The address `huxun` prints: with the per-launch key (`/?k=…`), as a person opens it. */
  url: string;
  /** The same address without the key. */
  origin: string;
  key: string;
  dataDir: string;
  close(): Promise<void>;
}

/** `encryptedWith`: the data folder gets this passphrase first, so the server starts locked. */
export async function startTestServer(opts: { encryptedWith?: string } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'huxun-e2e-'));
  if (opts.encryptedWith) {
    const o = await openApp({ dataDir });
    await setPassphrase(o.ctx, opts.encryptedWith);
    await o.close();
  }
  const s = await startServer({ dataDir, port: 0, host: '127.0.0.1' });
  return {
    url: s.url,
    origin: s.origin,
    key: s.key,
    dataDir,
    async close() {
      await s.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts a built (not yet listening) Fastify app on a free loopback port; returns its origin. */
export async function listenLoopback(app: { listen(o: { host: string; port: number }): Promise<unknown>; server: { address(): unknown } }): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address() as { port?: number } | null;
  if (!addr?.port) throw new Error('the test server has no port');
  return `http://127.0.0.1:${addr.port}`;
}
