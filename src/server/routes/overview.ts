import { overview } from '../../app/overview.js';
import type { RouteModule } from './index.js';

export const overviewRoutes: RouteModule = (api, ctx) => {
  api.get('/overview', async () => overview(ctx));
};
