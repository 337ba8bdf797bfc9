import { z } from 'zod';
import { addLoan, deleteLoan, listLoans, previewLoan, scheduleFromSpec, showLoan, updateLoan } from '../../app/loans.js';
import { ScheduleRequestSchema } from '../../shared/api.js';
import { periodicFromAnnual } from '../../domain/loans/index.js';
import type { RouteModule } from './index.js';

const IdParam = z.object({ id: z.coerce.number().int().positive() });

export const loanRoutes: RouteModule = (api, ctxOf) => {
  api.get('/loans', async (req) => listLoans(await ctxOf(req)));
  api.post('/loans', async (req, reply) => reply.status(201).send(await addLoan(await ctxOf(req), req.body)));
  api.post('/loans/preview', async (req) => previewLoan(req.body));
  api.get('/loans/:id', async (req) => showLoan(await ctxOf(req), IdParam.parse(req.params).id));
  api.put('/loans/:id', async (req) => updateLoan(await ctxOf(req), IdParam.parse(req.params).id, req.body));
  api.delete('/loans/:id', async (req, reply) => {
    await deleteLoan(await ctxOf(req), IdParam.parse(req.params).id);
    return reply.status(204).send();
  });
  api.post('/schedules', async (req) => {
    const b = ScheduleRequestSchema.parse(req.body);
    // The UI may give a nominal annual rate; builders take a rate per period.
    const periodicRate = b.periodicRate ?? (b.annualRate != null ? periodicFromAnnual(b.annualRate, b.period ?? 'month') : undefined);
    return scheduleFromSpec({ ...b, periods: b.periods ?? 12, periodicRate } as never);
  });
};
