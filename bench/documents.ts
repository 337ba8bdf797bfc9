/**
 * Complaint PDF for a case with 10,000 events: the whole path (findings, content model, PDF render).
 *   npx tsx bench/documents.ts [events=10000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openApp } from '../src/app/context.js';
import { renderDocument } from '../src/app/documents.js';
import { addLoan, loanFromSimpleTerms } from '../src/app/loans.js';
import { insertEvents } from '../src/store/repo.js';
import { refreshDerived } from '../src/app/derived.js';
import { labelEvent } from '../src/app/labels.js';
import type { NewEvent } from '../src/domain/collection/types.js';

const TEXTS = ['您在速借花的借款已逾期，请今天还款。', '再不还钱就联系你通讯录所有人。', '我们已经安排外访人员明天上门。', '你已涉嫌诈骗，法院已立案，准备坐牢吧。'];

export async function runDocumentsBench(events = 10_000, log: (s: string) => void = console.log) {
  const dir = mkdtempSync(join(tmpdir(), 'huxun-bench-doc-'));
  const app = await openApp({ dataDir: dir });
  try {
    const { ctx } = app;
    await addLoan(ctx, loanFromSimpleTerms({ lenderName: '速借花', lenderType: 'platform', contractDate: '2025-06-01', principalFen: 1_000_000, receivedFen: 900_000, periods: 12, installmentFen: 100_000 }));
    const start = Date.UTC(2026, 1, 1);
    const rows = Array.from({ length: events }, (_, i): NewEvent => {
      const isCall = i % 3 === 0;
      return {
        kind: isCall ? 'call' : 'sms', direction: 'in', at: start + i * 7 * 60_000, tz: 'Asia/Shanghai', number: `1701234${String(i % 40).padStart(4, '0')}`,
        text: isCall ? null : TEXTS[i % TEXTS.length]!, durationS: isCall ? 30 : null, callStatus: isCall ? (i % 2 ? 'answered' : 'missed') : null, recipient: i % 17 === 0 ? 'third_party' : 'debtor', dedupeKey: `b${i}`,
      };
    });
    await ctx.store.db.transaction().execute((trx) => insertEvents(ctx.store, trx, ctx.caseId, rows.map((event) => ({ event, ...labelEvent(event), importId: null })), Date.now()));
    await refreshDerived(ctx);
    for (const run of [1, 2]) {
      const t0 = performance.now();
      const d = await renderDocument(ctx, { type: 'complaint', channel: '12378', format: 'pdf' });
      const ms = performance.now() - t0;
      log(`complaint PDF (${run === 1 ? 'first, fonts loaded' : 'second'}): ${ms.toFixed(0)} ms for ${events} events, ${(d.bytes.length / 1024).toFixed(0)} KiB (target ≤ 2 s)`);
    }
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runDocumentsBench(Number(process.argv[2] ?? 10_000));
}
