/**
 * Issue 10, bounded work: document answers are capped where they come in (API schema, CLI --answer) and
 * clamped where saved ones are read back, so one huge answer cannot make every later PDF slow.
 */
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../src/app/context.js';
import { previewDocument, renderDocument } from '../src/app/documents.js';
import { ANSWER_MAX_CHARS, ANSWERS_MAX_COUNT } from '../src/domain/limits.js';
import { buildServer, type HuxunServer } from '../src/server/app.js';
import { DocumentRenderSchema } from '../src/shared/api.js';
import * as repo from '../src/store/repo.js';
import { runCli, tempDataDir } from './support/cli.js';

const HUGE = 'x'.repeat(1_000_000);

describe('document answers are capped', () => {
  let opened: OpenedApp;
  let app: HuxunServer;
  beforeAll(async () => {
    opened = await openApp({ dataDir: mkdtempSync(join(tmpdir(), 'huxun-answers-')) });
    app = await buildServer(opened.ctx);
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  it('the schema refuses a 1M-character answer and too many answers', () => {
    expect(DocumentRenderSchema.safeParse({ type: 'negotiation', format: 'pdf', answers: { hardship: HUGE } }).success).toBe(false);
    expect(DocumentRenderSchema.safeParse({ type: 'negotiation', format: 'pdf', answers: { hardship: 'x'.repeat(ANSWER_MAX_CHARS) } }).success).toBe(true);
    const many = Object.fromEntries(Array.from({ length: ANSWERS_MAX_COUNT + 1 }, (_, i) => [`k${i}`, 'v']));
    expect(DocumentRenderSchema.safeParse({ type: 'negotiation', format: 'pdf', answers: many }).success).toBe(false);
  });

  it('the API answers 400 with a Chinese and English message, and saves nothing', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/documents/render', headers: { 'x-huxun-key': app.secret }, payload: { type: 'negotiation', format: 'pdf', answers: { hardship: HUGE } } });
    expect(r.statusCode).toBe(400);
    const msg = r.json<{ error: { code: string; message: string } }>().error;
    expect(msg.code).toBe('BAD_INPUT');
    expect(msg.message).toMatch(/太长/);
    expect(msg.message).toMatch(/too long/);
    expect(await repo.getSetting(opened.ctx.store.db, opened.ctx.caseId, 'document_answers')).toBeNull();
  });

  it('answers saved by an older version are clamped when read, so documents stay fast', async () => {
    await repo.setSetting(opened.ctx.store.db, opened.ctx.caseId, 'document_answers', JSON.stringify({ hardship: HUGE, borrower_name: '张三' }));
    const p = await previewDocument(opened.ctx, { type: 'negotiation', answers: {} });
    expect(p.answers.hardship!.length).toBe(ANSWER_MAX_CHARS);
    expect(p.answers.borrower_name).toBe('张三');
    const pdf = await renderDocument(opened.ctx, { type: 'negotiation', format: 'pdf', answers: {} });
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('huxun document --answer', () => {
  it('refuses a 1M-character answer with a clear error and writes no file', async () => {
    const data = tempDataDir();
    const out = join(data, 'n.pdf');
    const r = await runCli(['document', 'negotiation', '--format', 'pdf', '--out', out, '--answer', `hardship=${HUGE}`, '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/太长.*too long/s);
    expect(existsSync(out)).toBe(false);
  });

  it('renders the longest allowed answer, one unbroken run', async () => {
    const data = tempDataDir();
    const out = join(data, 'n.pdf');
    const r = await runCli(['document', 'negotiation', '--format', 'pdf', '--out', out, '--answer', `hardship=${'9'.repeat(ANSWER_MAX_CHARS)}`, '--data', data]);
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(10_000);
  });
});
