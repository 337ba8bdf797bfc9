/**
 * The server under load for bench/server.ts, in its own process (its RSS is the server's alone, and the load tool
 * does not share its event loop). Prints one JSON line {origin, key?} on stdout once listening on 127.0.0.1.
 *  - BENCH_MODE=org: the organisation server (startOrgServer) on DATABASE_URL.
 *  - BENCH_MODE=local: the local app's server on the lowest case of DATABASE_URL (buildServer with the launch key),
 *    the fallback the benchmark uses when the organisation server is not there; loopback only, as always.
 */
import { buildServer } from '../src/server/app.js';
import { openApp } from '../src/app/context.js';

// A clean exit on SIGTERM, so that --cpu-prof (bench/server.ts --profile) writes its profile.
process.on('SIGTERM', () => process.exit(0));
// bench/server.ts --heap: the heap after a full GC (the child runs with --expose-gc), one line on stderr.
process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  process.stderr.write(`HEAP ${JSON.stringify(process.memoryUsage())}\n`);
});

const databaseUrl = process.env.DATABASE_URL!;
const dataDir = process.env.BENCH_DATA!;
if (process.env.BENCH_MODE === 'org') {
  const start = (await import('../src/server/start.js')) as { startOrgServer?: (o: { databaseUrl: string; dataDir: string; port: number; host: string }) => Promise<{ origin: string }> };
  if (!start.startOrgServer) throw new Error('startOrgServer is not available');
  const s = await start.startOrgServer({ databaseUrl, dataDir, port: 0, host: '127.0.0.1' });
  process.stdout.write(`${JSON.stringify({ origin: s.origin.replace(/\/$/, '') })}\n`);
} else {
  const o = await openApp({ dataDir, databaseUrl });
  const app = await buildServer(o.ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  process.stdout.write(`${JSON.stringify({ origin: `http://127.0.0.1:${port}`, key: app.secret })}\n`);
}
