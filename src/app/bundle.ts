/** Evidence bundle export (zip anyone can check with sha256sum or a browser) and verification. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EvidenceRecord } from '../domain/evidence/chain.js';
import { verifyBundle, writeBundle, type VerifyBundleResult, type WriteBundleResult } from '../export/bundle.js';
import * as repo from '../store/repo.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { rowToRecord } from './evidence.js';
import { attachmentPath } from './import-prepare.js';
import { queryEvents } from './timeline.js';

export async function exportBundle(ctx: AppContext, outPath: string, opts: { redactThirdParties?: boolean } = {}): Promise<WriteBundleResult> {
  const records: EvidenceRecord[] = [];
  for await (const r of repo.iterateEvidence(ctx.store.db, ctx.caseId)) records.push(rowToRecord(r));
  if (!records.length) throw new AppError('BAD_INPUT', '还没有任何证据记录：请先导入或添加记录 nothing recorded yet');
  const attachments = (await repo.listAttachments(ctx.store.db, ctx.caseId)).map((a) => ({ sha256: a.sha256, name: a.name ?? undefined, path: attachmentPath(ctx.dataDir, a.sha256) }));
  for (const a of attachments) if (!existsSync(a.path)) throw new AppError('CONFLICT', `附件文件缺失 attachment file missing: ${a.name ?? a.sha256}`);
  const events = await queryEvents(ctx);
  const contacts = await repo.listContacts(ctx.store.db, ctx.caseId);
  const collectors = await repo.listCollectors(ctx.store.db, ctx.caseId);
  return writeBundle(resolve(outPath), {
    records,
    attachments,
    events,
    redactThirdParties: opts.redactThirdParties ?? false,
    thirdParties: { names: contacts.map((c) => c.name), numbers: contacts.flatMap((c) => c.numbers) },
    keepNumbers: collectors.flatMap((c) => c.numbers),
    caseInfo: { title: '催收证据 Collection evidence', caseId: ctx.caseId, exportedAt: ctx.now(), appVersion: '0.1.0' },
  });
}

export async function verifyBundleFile(path: string, expectedHead?: string): Promise<VerifyBundleResult> {
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `${path}: 找不到文件 file not found`);
  return verifyBundle(path, { expectedHead });
}
