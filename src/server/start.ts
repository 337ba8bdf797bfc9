import { openApp } from '../app/context.js';
import { buildServer } from './app.js';
import { checkChain } from '../app/evidence.js';

export interface StartOptions {
  dataDir?: string;
  databaseUrl?: string;
  passphrase?: string;
  port: number;
  host: string;
}

export interface RunningServer {
  url: string;
  /** The evidence chain is re-hashed on start; this settles when that check is done. */
  chainCheck: Promise<{ ok: boolean; count: number; problem?: { seq: number | null; reason: string } }>;
  close(): Promise<void>;
}

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const opened = await openApp({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl, passphrase: opts.passphrase, lockAs: 'server' });
  const app = await buildServer(opened.ctx);
  try {
    await app.listen({ port: opts.port, host: opts.host });
  } catch (e) {
    await app.close();
    await opened.close();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`端口 ${opts.port} 已被占用，请用 --port 换一个。Port ${opts.port} is in use; pick another with --port.`);
    }
    throw e;
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  // Checked after listening so that a long chain does not delay the page.
  const chainCheck = checkChain(opened.ctx);
  return {
    url: `http://${host}:${port}/`,
    chainCheck,
    async close() {
      await app.close();
      await opened.close();
    },
  };
}
