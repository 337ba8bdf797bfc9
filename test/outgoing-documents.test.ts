/**
 * Issue 16: what leaves the person's hands is firm and clean. No outgoing document — every document kind in every
 * format (PDF text, DOCX, plain text, the 500- and 1,500-character online texts) — carries a marker of an unverified or
 * secondary source or a phrase that weakens the sender (CAVEAT_MARKERS, built from what the code emits); the draft
 * banner is on the preview and the person's own copy, never on the version produced for sending (API `for: 'send'`,
 * CLI `--final`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as yauzl from 'yauzl';
import type { AppContext, OpenedApp } from '../src/app/context.js';
import { previewDocument, renderDocument, type DocumentInput } from '../src/app/documents.js';
import { runFindings } from '../src/app/findings.js';
import { addLoan, loanFromSimpleTerms } from '../src/app/loans.js';
import { addManualEvent, markCollector, reportContact } from '../src/app/timeline.js';
import { CAVEAT_MARKERS, DOCUMENT_TYPES, DRAFT_NOTICE, LETTER_CHANNELS } from '../src/domain/documents/index.js';
import { AGENT_WARNING } from '../src/domain/documents/blocks.js';
import { buildServer } from '../src/server/app.js';
import { runCli, tempDataDir } from './support/cli.js';
import { openTestApp } from './support/stores.js';

const dir = mkdtempSync(join(tmpdir(), 'huxun-outgoing-'));
let n = 0;

function pdfText(bytes: Buffer): string {
  const f = join(dir, `d${++n}.pdf`);
  writeFileSync(f, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' });
}

async function docxText(bytes: Buffer): Promise<string> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  try {
    for await (const e of zip.eachEntry()) {
      if (e.fileName !== 'word/document.xml') continue;
      const chunks: Buffer[] = [];
      for await (const c of (await zip.openReadStreamPromise(e)) as AsyncIterable<Buffer>) chunks.push(c);
      return Buffer.concat(chunks).toString('utf8').replace(/<[^>]+>/g, '');
    }
  } finally {
    zip.close();
  }
  throw new Error('no word/document.xml');
}

/** Markers found in a text (PDF text loses spaces and line breaks inside words: compare without whitespace too). */
function markersIn(text: string): string[] {
  const flat = text.replace(/\s+/g, '');
  return CAVEAT_MARKERS.filter((m) => text.includes(m) || flat.includes(m.replace(/\s+/g, '')));
}

const ANSWERS = {
  borrower_name: '李明', borrower_phone: '13600006666', borrower_id_last4: '123X', borrower_city: '杭州市', loan_account: 'HT2026001',
  hardship: '失业', monthly_amount: '800', months: '18', contact_name: '王小红', contact_relation: '表姐',
};

let o: OpenedApp;
let ctx: AppContext;
beforeAll(async () => {
  o = await openTestApp('sqlite');
  ctx = o.ctx;
  ctx.now = () => Date.parse('2026-03-01T02:00:00Z');
  // A consumer finance company whose NFRA office the registry could not confirm, a loan above the 24% line (whose basis
  // is a secondary source: the finding's own summary says so), a microloan company, threats, night calls, a contact reached.
  const cfc = await addLoan(ctx, loanFromSimpleTerms({ lenderName: '建信消费金融有限责任公司', lenderType: 'consumer_finance', contractDate: '2025-06-10', principalFen: 1_000_000, receivedFen: 900_000, periods: 12, installmentFen: 100_000 }));
  const micro = await addLoan(ctx, loanFromSimpleTerms({ lenderName: '福州奇富网络小额贷款有限公司', lenderType: 'microloan', productName: '360借条', contractDate: '2025-02-10', principalFen: 500_000, receivedFen: 500_000, periods: 6, installmentFen: 90_000 }));
  for (const [num, day] of [['13900000022', '10'], ['13900000022', '11'], ['13900000022', '12'], ['13900000011', '10']] as const)
    await addManualEvent(ctx, { kind: 'sms', at: `2026-02-${day} 23:30`, number: num, text: '你已逾期，再不还钱就把你欠钱的事发给你通讯录里所有人，明天上门打断你的腿' });
  await addManualEvent(ctx, { kind: 'sms', at: '2026-02-13 10:00', number: '13900000022', text: '我们是XX法院执行局，已对你立案' });
  for (let i = 0; i < 5; i++) await addManualEvent(ctx, { kind: 'call', at: `2026-02-14 0${i}:10`, number: '13900000022', duration_s: 20 });
  await markCollector(ctx, '建信催收', ['13900000022'], null, cfc.loan.id);
  await markCollector(ctx, '奇富催收', ['13900000011'], null, micro.loan.id);
  await reportContact(ctx, { contact: '王小红', at: '2026-02-15 20:00', number: '13900000022', text: '有人打电话给我说你欠钱不还' });
});
afterAll(async () => {
  await o?.close();
});

describe('outgoing documents', () => {
  it('the case has what the markers come from: a secondary-source line, an unverified regulator office', async () => {
    const { findings } = await runFindings(ctx);
    const over = findings.find((f) => f.rule === 'cn.over-legal-line');
    expect(over?.summary.zh).toContain('超过不等于违法'); // on the person's screen
    expect(markersIn(JSON.stringify(findings)).length).toBeGreaterThan(0);
  });

  it('no document kind, in any format, for drafting or sending, carries an unverified marker or a weakening phrase', async () => {
    const inputs: DocumentInput[] = [];
    for (const d of DOCUMENT_TYPES) {
      if (d.perChannel) for (const channel of LETTER_CHANNELS) inputs.push({ type: d.id, channel, answers: ANSWERS });
      else inputs.push({ type: d.id, answers: ANSWERS });
    }
    const found: string[] = [];
    const check = (where: string, text: string) => {
      const m = markersIn(text);
      if (m.length) found.push(`${where}: ${m.join(', ')}`);
    };
    // Plain text, full and the online-form lengths, draft and send, zh and en: cheap, so every channel.
    for (const input of inputs)
      for (const lang of ['zh', 'en'] as const)
        for (const length of input.type === 'complaint' ? (['full', 'short', 'medium'] as const) : (['full'] as const))
          for (const purpose of ['draft', 'send'] as const) {
            const r = await renderDocument(ctx, { ...input, lang, format: 'txt', length, for: purpose });
            const t = r.bytes.toString('utf8');
            if (length === 'short') expect([...t].length).toBeLessThanOrEqual(500);
            check(`${input.type}/${input.channel ?? ''}/${lang}/${length}/${purpose}`, t);
          }
    // PDF and DOCX: every kind; the complaint to the channels of the lenders' regulators and the police.
    for (const input of inputs.filter((i) => i.type !== 'complaint' || ['lender', '12378', 'local_regulator', 'police'].includes(i.channel!))) {
      const pdf = await renderDocument(ctx, { ...input, format: 'pdf', for: 'send' });
      check(`${input.type}/${input.channel ?? ''}/pdf`, pdfText(pdf.bytes));
      const docx = await renderDocument(ctx, { ...input, format: 'docx', for: 'draft' });
      check(`${input.type}/${input.channel ?? ''}/docx`, await docxText(docx.bytes));
    }
    expect(found).toEqual([]);
  });

  it('the letter to 12378 names the regulator without the registry’s caveat, and the 24% line by its source’s own words', async () => {
    const t = (await renderDocument(ctx, { type: 'complaint', channel: '12378', answers: ANSWERS, format: 'txt', for: 'send' })).bytes.toString('utf8');
    expect(t).toContain('建信消费金融有限责任公司');
    expect(t).toContain('致：国家金融监督管理总局（12378）');
    expect(t).toContain('请求对总计超过年利率24%的部分予以调减的，应予支持');
    expect(t).not.toContain('超过不等于违法');
  });

  it('the draft banner is on the preview and the person’s copy, not on the version for sending', async () => {
    const input: DocumentInput = { type: 'complaint', channel: '12378', answers: ANSWERS };
    const banner = DRAFT_NOTICE.zh.slice(0, 20);
    const agents = AGENT_WARNING.zh.slice(0, 20);
    const preview = await previewDocument(ctx, { ...input, for: 'send' });
    expect(preview.html).toContain(banner); // the preview is always the person's view
    const draftPdf = pdfText((await renderDocument(ctx, { ...input, format: 'pdf' })).bytes).replace(/\s+/g, '');
    expect(draftPdf).toContain(banner.replace(/\s+/g, ''));
    const sent = await renderDocument(ctx, { ...input, format: 'pdf', for: 'send' });
    const sendPdf = pdfText(sent.bytes).replace(/\s+/g, '');
    expect(sendPdf).not.toContain('草稿');
    expect(sendPdf).not.toContain(agents.replace(/\s+/g, ''));
    expect(sendPdf).toContain('投诉人（签名）：李明');
    expect(sent.fileName).not.toContain('草稿');
    for (const type of ['negotiation', 'pi_request', 'third_party_statement'] as const) {
      const draft = (await renderDocument(ctx, { type, answers: ANSWERS, format: 'txt' })).bytes.toString('utf8');
      const send = (await renderDocument(ctx, { type, answers: ANSWERS, format: 'txt', for: 'send' })).bytes.toString('utf8');
      expect(draft, type).toContain('【提示】');
      expect(send, type).not.toContain('【提示】');
      expect(send, type).not.toContain('草稿');
    }
    const docx = await docxText((await renderDocument(ctx, { ...input, format: 'docx', for: 'send' })).bytes);
    expect(docx).not.toContain('草稿');
    await expect(renderDocument(ctx, { ...input, format: 'txt', for: 'final' as never })).rejects.toThrow(/draft or send/);
  });

  it('HTTP: POST /api/documents/render takes for: send, and refuses anything else', async () => {
    const app = await buildServer(ctx);
    try {
      const post = (payload: object) => app.inject({ method: 'POST', url: '/api/documents/render', headers: { 'x-huxun-key': app.secret }, payload });
      const base = { type: 'complaint', channel: '12378', answers: ANSWERS, format: 'txt' };
      const draft = await post(base);
      expect(draft.statusCode).toBe(200);
      expect(draft.body).toContain('草稿');
      const send = await post({ ...base, for: 'send' });
      expect(send.statusCode).toBe(200);
      expect(send.body).not.toContain('草稿');
      expect(send.body).toContain('投诉人（签名）：李明');
      expect((await post({ ...base, for: 'final' })).statusCode).toBe(400);
      // The 协商还款申请书 of the repayment plan too.
      const loanId = (await runFindings(ctx)).caseData.loans[0]!.id;
      const plan = (f?: string) => app.inject({ method: 'POST', url: '/api/plan/negotiation', headers: { 'x-huxun-key': app.secret }, payload: { loan_id: loanId, format: 'txt', answers: ANSWERS, ...(f ? { for: f } : {}) } });
      const pd = await plan();
      expect(pd.statusCode, pd.body).toBe(200);
      expect(pd.body).toContain('草稿');
      const ps = await plan('send');
      expect(ps.statusCode).toBe(200);
      expect(ps.body).toContain('协商还款申请书');
      expect(ps.body).not.toContain('草稿');
    } finally {
      await app.close();
    }
  });

  it('CLI: document complaint writes the draft, --final the version to send', async () => {
    const data = tempDataDir();
    const ok = async (args: string[]) => {
      const r = await runCli([...args, '--data', data]);
      expect(r.code, r.stderr).toBe(0);
      return r;
    };
    await ok(['loan', 'add', '--lender', '招联消费金融股份有限公司', '--type', 'consumer_finance', '--date', '2025-01-01', '--principal', '1000', '--received', '1000', '--periods', '1', '--installment', '1010']);
    await ok(['report-contact', '--contact', '表姐', '--at', '2026-02-05 20:00', '--number', '13900000001', '--text', '有人打电话给我说你欠钱']);
    const draft = join(dir, 'draft.txt');
    const final = join(dir, 'final.txt');
    const a = await ok(['document', 'complaint', '--channel', 'lender', '--format', 'txt', '--out', draft, '--answer', 'borrower_name=李明']);
    expect(a.stderr + a.stdout).toContain('--final');
    await ok(['document', 'complaint', '--channel', 'lender', '--format', 'txt', '--out', final, '--final', '--answer', 'borrower_name=李明']);
    expect(readFileSync(draft, 'utf8')).toContain('草稿');
    const f = readFileSync(final, 'utf8');
    expect(f).not.toContain('草稿');
    expect(f).toContain('李明');
  });
});
