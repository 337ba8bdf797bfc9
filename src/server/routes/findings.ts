import { z } from 'zod';
import { collectorDossierView } from '../../app/dossier.js';
import { findingsPage, listFindings } from '../../app/findings.js';
import type { RouteModule } from './index.js';

export const findingsRoutes: RouteModule = (api, ctxOf) => {
  api.get('/findings', async (req) => listFindings(await ctxOf(req)));
  // The page a person reads: one card per kind of conduct (issue 16); /findings keeps the per-lender list for scripts.
  api.get('/findings/cards', async (req) => findingsPage(await ctxOf(req)));
  api.get('/collectors/:id', async (req) => collectorDossierView(await ctxOf(req), z.object({ id: z.coerce.number().int() }).parse(req.params).id));
};
