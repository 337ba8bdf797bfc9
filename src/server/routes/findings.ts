import { z } from 'zod';
import { collectorDossierView } from '../../app/dossier.js';
import { listFindings } from '../../app/findings.js';
import type { RouteModule } from './index.js';

export const findingsRoutes: RouteModule = (api, ctx) => {
  api.get('/findings', async () => listFindings(ctx));
  api.get('/collectors/:id', async (req) => collectorDossierView(ctx, z.object({ id: z.coerce.number().int() }).parse(req.params).id));
};
