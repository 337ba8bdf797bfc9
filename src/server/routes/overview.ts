import { overview } from '../../app/overview.js';
import type { RouteModule } from './index.js';

export const overviewRoutes: RouteModule = (api, ctxOf) => {
  api.get('/overview', async (req) => overview(await ctxOf(req)));
};
