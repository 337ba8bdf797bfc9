/**
 * Bounded work (issue 10): what one crafted input costs.
 *  - classifying 300k- and 1M-character adversarial messages (target ≤ 200 ms each at 300k);
 *  - /api/health latency while a backup holding such messages is imported through the HTTP API of the real
 *    server (startServer, port 0, temp data folder, the per-launch key as x-huxun-key) (target ≤ 100 ms);
 *  - a PDF whose answer is the longest allowed, one unbroken run (target ≤ 2 s).
 *
 *   npx tsx bench/security.ts
 */
import { loadavg } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openApp } from '../src/app/context.js';
import { renderDocument } from '../src/app/documents.js';
import { classify } from '../src/domain/collection/classifier/index.js';
import { ANSWER_MAX_CHARS, CLASSIFY_WINDOW_CHARS } from '../src/domain/limits.js';
import { startServer } from '../src/server/start.js';

const load = () => `load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`;

/** Adversarial messages: repeated trigger words, digits, one unbroken run, many emoji, traditional, pinyin. */
function adversarial(n: number): Record<string, string> {
  const rep = (s: string) => s.repeat(Math.ceil(n / s.length)).slice(0, n);
  return {
    'trigger words': rep('你再不还钱就爆你通讯录，上门找你家人，老赖！'),
    'triggers, no punctuation': rep('逾期催收还款欠款爆通讯录老赖上门'),
    digits: rep('1234567890'),
    'one unbroken run': rep('a'),
    'pinyin abbreviations': rep('yq hk txl cs '),
    'emoji and knives': rep('还钱🔪💣🐶'),
    traditional: rep('逾期還錢債務'),
  };
}

function timeClassify(log: (s: string) => void): void {
  for (const n of [300_000, 1_000_000]) {
    for (const [name, text] of Object.entries(adversarial(n))) {
      classify(text); // warm
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        classify(text);
        runs.push(performance.now() - t);
      }
      runs.sort((a, b) => a - b);
      log(`classify ${n.toLocaleString('en-US')} chars, ${name}: median ${runs[2]!.toFixed(1)} ms, max ${runs[4]!.toFixed(1)} ms (window ${CLASSIFY_WINDOW_CHARS.toLocaleString('en-US')}; target ≤ 200 ms)`);
    }
  }
}

function smsBackup(long: readonly string[], ordinary: number): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const t0 = Date.UTC(2026, 1, 1);
  const rows: string[] = [];
  const add = (body: string, i: number) =>
    rows.push(`  <sms protocol="0" address="1701234${String(i % 100).padStart(4, '0')}" date="${t0 + i * 60_000}" type="1" subject="null" body="${esc(body)}" toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" />`);
  for (let i = 0; i < ordinary; i++) add(i % 2 ? '您在速借花的借款已逾期，请今天还款。' : '明天下午三点开会，记得带材料。', i);
  long.forEach((b, k) => add(b, ordinary + k));
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="${rows.length}">\n${rows.join('\n')}\n</smses>\n`;
}

/** Imports `body` through the API while polling /api/health; returns the figures. */
async function importWhilePolling(base: string, key: string, body: Buffer): Promise<{ importMs: number; state: string; error?: string; lat: number[] }> {
  const headers = { 'x-huxun-key': key };
  const lat: number[] = [];
  let importing = true;
  const poll = (async () => {
    while (importing) {
      const t = performance.now();
      const r = await fetch(`${base}/api/health`, { headers });
      await r.arrayBuffer();
      lat.push(performance.now() - t);
      await new Promise((res) => setTimeout(res, 5));
    }
  })();
  const t0 = performance.now();
  const up = await fetch(`${base}/api/imports`, { method: 'POST', headers: { ...headers, 'content-type': 'application/octet-stream', 'x-file-name': 'sms.xml' }, body: new Uint8Array(body) });
  if (up.status !== 202) throw new Error(`upload: ${up.status} ${await up.text()}`);
  const { id } = (await up.json()) as { id: string };
  let job: { state: string; error?: string } = { state: 'running' };
  while (job.state === 'running') {
    await new Promise((res) => setTimeout(res, 20));
    job = (await (await fetch(`${base}/api/jobs/${id}`, { headers })).json()) as { state: string; error?: string };
  }
  const importMs = performance.now() - t0;
  importing = false;
  await poll;
  lat.sort((a, b) => a - b);
  return { importMs, state: job.state, error: job.error, lat };
}

async function healthDuringImport(log: (s: string) => void): Promise<void> {
  const cases: Array<[string, string[]]> = [
    ['one 300k-character message', [adversarial(300_000)['trigger words']!]],
    ['twenty 300k-character messages', Object.values(adversarial(300_000)).flatMap((t) => [t, t, t]).slice(0, 20)],
  ];
  for (const [what, long] of cases) {
    const dir = mkdtempSync(join(tmpdir(), 'huxun-bench-sec-'));
    const server = await startServer({ dataDir: dir, port: 0, host: '127.0.0.1' });
    try {
      await server.chainCheck;
      const base = server.origin.replace(/\/$/, '');
      // A first, small import loads the classifier's tables (a one-time cost per process), reported apart.
      for (const [label, body] of [
        ['warm-up, 20 ordinary messages', Buffer.from(smsBackup([], 20))],
        [what, Buffer.from(smsBackup(long, 1000))],
      ] as const) {
        const r = await importWhilePolling(base, server.key, body);
        const q = (p: number) => r.lat[Math.min(r.lat.length - 1, Math.floor(p * r.lat.length))]!;
        log(
          `import of ${(body.length / 2 ** 20).toFixed(1)} MB (${label}) through the API: ${r.importMs.toFixed(0)} ms, job ${r.state}${r.error ? ` (${r.error})` : ''}; ` +
            `/api/health meanwhile: ${r.lat.length} requests, median ${q(0.5).toFixed(1)} ms, p99 ${q(0.99).toFixed(1)} ms, max ${r.lat[r.lat.length - 1]!.toFixed(1)} ms (target ≤ 100 ms)`,
        );
      }
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

async function pdfLongestAnswer(log: (s: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'huxun-bench-sec-pdf-'));
  const app = await openApp({ dataDir: dir });
  try {
    await renderDocument(app.ctx, { type: 'negotiation', format: 'pdf', answers: { hardship: '还款困难' } }); // fonts loaded
    for (const [name, run] of [
      ['Latin letters', 'a'.repeat(ANSWER_MAX_CHARS)],
      ['digits', '1234567890'.repeat(ANSWER_MAX_CHARS / 10)],
      ['Chinese', '还'.repeat(ANSWER_MAX_CHARS)],
      ['spaces', 'a' + ' '.repeat(ANSWER_MAX_CHARS - 2) + 'b'],
    ] as const) {
      const t = performance.now();
      const d = await renderDocument(app.ctx, { type: 'negotiation', format: 'pdf', answers: { hardship: run } });
      log(`negotiation PDF, answer of ${ANSWER_MAX_CHARS.toLocaleString('en-US')} ${name} in one run: ${(performance.now() - t).toFixed(0)} ms, ${(d.bytes.length / 1024).toFixed(0)} KiB (target ≤ 2 s)`);
    }
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runSecurityBench(log: (s: string) => void = console.log): Promise<void> {
  log(`start: ${load()}`);
  timeClassify(log);
  log(`after classify: ${load()}`);
  await healthDuringImport(log);
  log(`after import: ${load()}`);
  await pdfLongestAnswer(log);
  log(`end: ${load()}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runSecurityBench();
}
