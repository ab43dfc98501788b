// /healthz: the process is alive. /readyz: every dependency answers (database, Redis when used);
// 503 names the failing part.
import type { FastifyPluginAsync } from 'fastify';

export type ReadinessCheck = { name: string; check: () => Promise<void> };

const CHECK_TIMEOUT_MS = 2_000;

async function runCheck(c: ReadinessCheck): Promise<[string, string]> {
  try {
    await Promise.race([c.check(), new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref())]);
    return [c.name, 'ok'];
  } catch (err) {
    return [c.name, `error: ${(err as Error).message || String(err)}`];
  }
}

const checksSchema = { type: 'object', additionalProperties: { type: 'string' } } as const;
const readySchema = { type: 'object', properties: { status: { type: 'string' }, checks: checksSchema } } as const;
const notReadySchema = {
  type: 'object',
  properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, checks: checksSchema },
} as const;

export const healthRoutes = (checks: readonly ReadinessCheck[]): FastifyPluginAsync => async (app) => {
  app.get('/healthz', { config: { public: true }, schema: { response: { 200: { type: 'object', properties: { status: { type: 'string' } } } } } },
    async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true }, schema: { response: { 200: readySchema, 503: notReadySchema } } }, async (_req, reply) => {
    const results = Object.fromEntries(await Promise.all(checks.map(runCheck)));
    const failing = Object.entries(results).filter(([, v]) => v !== 'ok').map(([k]) => k);
    if (failing.length === 0) return { status: 'ready', checks: results };
    return reply.code(503).type('application/problem+json').send({
      type: 'about:blank', title: 'Service Unavailable', status: 503,
      detail: `not ready: ${failing.join(', ')} unreachable`, checks: results,
    });
  });
};
