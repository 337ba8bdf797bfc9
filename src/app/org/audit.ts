/** The audit log (append-only, migration 0008): every staff read and write of a case, and account changes. No personal data: route patterns and ids only. */
import type { AuditEntryView } from '../../shared/accounts.js';
import type { OrgApp } from './accounts.js';

export interface AuditRecord {
  caseId: number | null;
  userId: number | null;
  action: string;
  method: string;
  /** The route pattern (/api/cases/:caseId/loans/:id), never the URL with its query. */
  route: string;
  /** The ids the request named (params without the case id), as JSON. */
  target?: string | null;
}

export async function audit(org: OrgApp, r: AuditRecord): Promise<void> {
  await org.store.db
    .insertInto('audit_log')
    .values({ case_id: r.caseId ?? 0, user_id: r.userId, at: org.now(), action: r.action, method: r.method, route: r.route, target: r.target ?? null })
    .execute();
}

export async function listAudit(org: OrgApp, opts: { caseId?: number; limit?: number; before?: number }): Promise<AuditEntryView[]> {
  let q = org.store.db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .select(['audit_log.id', 'audit_log.case_id', 'users.username', 'users.role', 'audit_log.at', 'audit_log.action', 'audit_log.method', 'audit_log.route', 'audit_log.target'])
    .orderBy('audit_log.id', 'desc')
    .limit(Math.min(opts.limit ?? 200, 1000));
  if (opts.caseId !== undefined) q = q.where('audit_log.case_id', '=', opts.caseId);
  if (opts.before !== undefined) q = q.where('audit_log.id', '<', opts.before);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    case_id: Number(r.case_id) || null,
    user: r.username ?? null,
    role: r.role ?? null,
    at: Number(r.at),
    action: r.action,
    method: r.method,
    route: r.route,
    target: r.target,
  }));
}
