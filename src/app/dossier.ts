import { collectorDossier } from '../domain/rules/dossier.js';
import { toIsoLocal } from '../domain/time.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { runFindings } from './findings.js';
import { collectorLender } from './timeline.js';
import type { CollectorDossierView } from '../shared/views.js';

export async function collectorDossierView(ctx: AppContext, id: number): Promise<CollectorDossierView> {
  const { findings, caseData } = await runFindings(ctx);
  const col = caseData.collectors.find((c) => c.id === id);
  if (!col) throw new AppError('NOT_FOUND', `催收方 #${id} 不存在 collector ${id} not found`);
  const d = collectorDossier(col, caseData, findings);
  return {
    id: d.id,
    name: d.name,
    numbers: d.numbers,
    ...collectorLender(col),
    lender: d.lender,
    loan_id: d.loanId,
    marked_by_user: col.markedByUser,
    first_contact: d.firstContact != null ? toIsoLocal(d.firstContact, ctx.tz) : null,
    last_contact: d.lastContact != null ? toIsoLocal(d.lastContact, ctx.tz) : null,
    calls: d.calls,
    messages: d.messages,
    answered: d.answered,
    unanswered: d.unanswered,
    per_day: d.perDay,
    hour_weekday: d.hourWeekday,
    findings: d.findings,
  };
}
