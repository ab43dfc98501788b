// Builds the Fastify app from its dependencies; never listens (tests use inject, processes listen).
// The one place that registers plugins, in Fastify's loading order: ecosystem plugins,
// decorators, shared schemas, the error handler, then routes.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import { problem, problemErrorHandler, problemSchema, sendProblem } from './problem.ts';
import { healthRoutes, type ReadinessCheck } from './routes/health.ts';
import { agencyRoutes } from './routes/agencies.ts';
import { agencySchema } from './schemas/agency.ts';
import type { Registry } from 'prom-client';
import { metricsRoutes } from './routes/metrics.ts';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import rateLimit from '@fastify/rate-limit';
import { syncRuleSets } from '../../db/store/rule-sets.ts';
import { ruleSets } from '../../config/rulesets/index.ts';
import type { EvidenceSource } from '../scoring/evidence.ts';
import { declareAccess, type RouteEntry } from './auth/access.ts';
import { auditChanges, authenticate } from './auth/hooks.ts';
import { bearerKey, hashApiKey } from './auth/api-key.ts';
import { openApiInfo } from './schemas/openapi.ts';
import { apiKeySchema } from './schemas/key.ts';
import { periodSchema, ruleSetRecordSchema } from './schemas/period.ts';
import { agencyScoreSchema } from './schemas/score.ts';
import { targetSchema } from './schemas/target.ts';
import { keyRoutes } from './routes/keys.ts';
import { ruleSetRoutes } from './routes/rule-sets.ts';
import { periodRoutes } from './routes/periods.ts';
import { scoreRoutes } from './routes/scores.ts';
import { exportRoutes } from './routes/exports.ts';
import { targetRoutes } from './routes/targets.ts';
import { uptimeRoutes } from './routes/uptime.ts';
import { resultRoutes } from './routes/results.ts';
import { agencyAdminRoutes } from './routes/agency-admin.ts';
import { rejectNonFiniteNumbers } from './schemas/finite-numbers.ts';
import { dashboardRoutes, type DashboardOptions } from '../dashboard/routes/index.ts';

export type ApiDeps = {
  db: Db;
  logger: Logger;
  readiness: readonly ReadinessCheck[];
  bodyLimitBytes?: number;
  metrics?: Registry;
  /** The availability and result stores scoring reads (unset: closing periods and uptime answer 503). */
  evidence?: EvidenceSource;
  allowPrivateTargets?: boolean;
  /** Requests per key (or per address without a key) per minute. */
  rateLimitPerMinute?: number;
  /** Dashboard live-update cadence and clock (tests make it fast). */
  dashboard?: DashboardOptions;
};

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    evidence: EvidenceSource | null;
    allowPrivateTargets: boolean;
    /** Every route with its access declaration (the authorization matrix test reads it). */
    routeTable: readonly RouteEntry[];
  }
}

export async function buildApp(deps: ApiDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.bodyLimitBytes ?? 1_048_576,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  const routeTable: RouteEntry[] = [];
  app.addHook('onRoute', declareAccess(routeTable, ['/docs']));
  await app.register(swagger, { openapi: openApiInfo });
  await app.register(rateLimit, { max: deps.rateLimitPerMinute ?? 600, timeWindow: 60_000,
    keyGenerator: (req) => { const k = bearerKey(req.headers.authorization); return k ? hashApiKey(k) : req.ip; } });
  app.decorate('db', deps.db);
  app.decorate('evidence', deps.evidence ?? null);
  app.decorate('allowPrivateTargets', deps.allowPrivateTargets ?? false);
  app.decorate('routeTable', routeTable);
  app.decorateRequest('principal', null);
  for (const schema of [apiKeySchema, periodSchema, ruleSetRecordSchema, agencyScoreSchema, targetSchema]) app.addSchema(schema);
  app.addSchema(problemSchema);
  app.addSchema(agencySchema);
  app.setErrorHandler(problemErrorHandler);
  app.setNotFoundHandler((req, reply) => sendProblem(reply, problem(404, `no route ${req.method} ${req.url.split('?')[0]}`)));

  app.addHook('onRequest', authenticate(deps.db));
  app.addHook('onSend', auditChanges(deps.db));
  app.addHook('preHandler', rejectNonFiniteNumbers);
  await syncRuleSets(deps.db, ruleSets.values());

  await app.register(healthRoutes(deps.readiness));
  await app.register(agencyRoutes, { prefix: '/api/v1' });
  if (deps.metrics) await app.register(metricsRoutes(deps.metrics));
  for (const routes of [keyRoutes, ruleSetRoutes, periodRoutes, scoreRoutes, exportRoutes, targetRoutes, uptimeRoutes, resultRoutes, agencyAdminRoutes]) {
    await app.register(routes, { prefix: '/api/v1' });
  }
  await app.register(dashboardRoutes(deps.dashboard));
  await app.register(swaggerUi, { routePrefix: '/docs' });
  return app;
}
