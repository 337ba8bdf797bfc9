import type { FastifyInstance, FastifyRequest } from 'fastify';
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

/**
 * The context of one request. Local mode: the one local case, the same object for every request. Organisation
 * mode (src/server/org.ts): the case named in the URL (/api/cases/:caseId/…), after the session's user was
 * authorised for it; the route never picks a case itself.
 */
export type CtxOf = (req: FastifyRequest) => Promise<AppContext>;

export type RouteModule = (api: FastifyInstance, ctxOf: CtxOf, opts: RouteOptions) => Promise<void> | void;

/** The routes of one case: the local app serves them under /api, the organisation server under /api/cases/:caseId. */
export const caseRoutes: RouteModule[] = [loanRoutes, timelineRoutes, evidenceRoutes, bundleRoutes, findingsRoutes, overviewRoutes, documentRoutes, planRoutes, ocrRoutes, followupRoutes];

/**
 * /api/health and /api/unlock live in app.ts: they must answer before the app is unlocked. Settings, backup and
 * restore act on the local data folder and its passphrase: the local app only, never the organisation server.
 */
export const routes: RouteModule[] = [...caseRoutes, settingsRoutes];
