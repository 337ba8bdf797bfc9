import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import type { UploadLimits } from './http.js';
import { timelineRoutes } from './timeline.js';
import { loanRoutes } from './loans.js';
import { bundleRoutes, evidenceRoutes } from './evidence.js';
import { findingsRoutes } from './findings.js';
import { overviewRoutes } from './overview.js';
import { settingsRoutes } from './settings.js';
import { documentRoutes } from './documents.js';
import { planRoutes } from './plan.js';
import { followupRoutes } from './followup.js';
import { ocrRoutes } from './ocr.js';

export interface RouteOptions {
  limits: UploadLimits;
}

export type RouteModule = (api: FastifyInstance, ctx: AppContext, opts: RouteOptions) => Promise<void> | void;

/** /api/health and /api/unlock live in app.ts: they must answer before the app is unlocked. */
export const routes: RouteModule[] = [loanRoutes, timelineRoutes, evidenceRoutes, bundleRoutes, findingsRoutes, overviewRoutes, settingsRoutes, documentRoutes, planRoutes, ocrRoutes, followupRoutes];
