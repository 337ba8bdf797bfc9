import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { timelineRoutes } from './timeline.js';
import { loanRoutes } from './loans.js';
import { bundleRoutes, evidenceRoutes } from './evidence.js';
import { findingsRoutes } from './findings.js';
import { overviewRoutes } from './overview.js';
import { settingsRoutes } from './settings.js';
import { documentRoutes } from './documents.js';

export type RouteModule = (api: FastifyInstance, ctx: AppContext) => Promise<void> | void;

const health: RouteModule = (api, ctx) => {
  api.get('/health', async () => ({ ok: true, engine: ctx.store.engine }));
};

export const routes: RouteModule[] = [health, loanRoutes, timelineRoutes, evidenceRoutes, bundleRoutes, findingsRoutes, overviewRoutes, settingsRoutes, documentRoutes];
