// GET /metrics: the process's prom-client registry in the Prometheus text format (queue depth,
// job latency, failures, stalls and late skips per queue; see workers/queue-metrics.ts).
import type { FastifyPluginAsync } from 'fastify';
import type { Registry } from 'prom-client';

export function metricsRoutes(registry: Registry): FastifyPluginAsync {
  return async (app) => {
    app.get('/metrics', async (_req, reply) => {
      const body = await registry.metrics();
      return reply.type(registry.contentType).send(body);
    });
  };
}
