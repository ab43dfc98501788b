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

export type ApiDeps = {
  db: Db;
  logger: Logger;
  readiness: readonly ReadinessCheck[];
  bodyLimitBytes?: number;
};

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

export async function buildApp(deps: ApiDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.bodyLimitBytes ?? 1_048_576,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  app.decorate('db', deps.db);
  app.addSchema(problemSchema);
  app.addSchema(agencySchema);
  app.setErrorHandler(problemErrorHandler);
  app.setNotFoundHandler((req, reply) => sendProblem(reply, problem(404, `no route ${req.method} ${req.url.split('?')[0]}`)));

  await app.register(healthRoutes(deps.readiness));
  await app.register(agencyRoutes, { prefix: '/api/v1' });
  return app;
}
