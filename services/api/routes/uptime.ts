// Uptime of a target over any window, and its outage and unobserved intervals, from the
// availability store (rollups: fast for a year). Agency keys: their own targets only, else 404.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { readers } from '../auth/access.ts';
import { problem, sendProblem } from '../problem.ts';
import { authProblems, idParam, problemRef } from '../schemas/common.ts';
import { visibleTarget } from './targets.ts';

const MAX_WINDOW_MS = 400 * 86_400_000;

const windowQuery = {
  type: 'object', required: ['from', 'to'], additionalProperties: false,
  properties: { from: { type: 'string', format: 'date-time' }, to: { type: 'string', format: 'date-time' } },
} as const;

const interval = { type: 'object', properties: { id: { type: 'integer' }, from: { type: 'string' }, to: { type: 'string' } } } as const;

const uptimeSchema = {
  type: 'object',
  properties: {
    targetId: { type: 'integer' }, from: { type: 'string' }, to: { type: 'string' },
    observedS: { type: 'number' }, downtimeS: { type: 'number' }, unobservedS: { type: 'number' },
    uptimePct: { type: ['number', 'null'], description: '1 − downtime / observed time; null when nothing was observed' },
  },
} as const;

const outagesSchema = {
  type: 'object',
  properties: { targetId: { type: 'integer' }, from: { type: 'string' }, to: { type: 'string' }, outages: { type: 'array', items: interval }, unobserved: { type: 'array', items: interval } },
} as const;

function window(q: { from: string; to: string }, reply: FastifyReply): { fromMs: number; toMs: number } | null {
  const fromMs = Date.parse(q.from), toMs = Date.parse(q.to);
  if (!(toMs > fromMs)) { void sendProblem(reply, problem(400, 'querystring/to must be after querystring/from')); return null; }
  if (toMs - fromMs > MAX_WINDOW_MS) { void sendProblem(reply, problem(400, 'querystring/to the window may be at most 400 days')); return null; }
  return { fromMs, toMs };
}

export const uptimeRoutes: FastifyPluginAsync = async (app) => {
  type Req = { Params: { id: number }; Querystring: { from: string; to: string } };
  const common = { config: { roles: readers } } as const;

  /** The target the key may see, the requested window and the evidence store; null once a problem is sent. */
  async function targetWindow(req: FastifyRequest<Req>, reply: FastifyReply) {
    const t = await visibleTarget(req, reply, req.params.id);
    if (!t) return null;
    const w = window(req.query, reply);
    if (!w) return null;
    if (!app.evidence) { await sendProblem(reply, problem(503, 'the availability store is not available in this process')); return null; }
    return { t, w, evidence: app.evidence };
  }

  app.get<Req>('/targets/:id/uptime', { ...common, schema: { params: idParam, querystring: windowQuery, response: { 200: uptimeSchema, 503: problemRef, ...authProblems } } },
    async (req, reply) => {
      const tw = await targetWindow(req, reply);
      if (!tw) return reply;
      const { t, w } = tw;
      const u = await tw.evidence.uptimeTotals(t.id, w.fromMs, w.toMs);
      const uptimePct = u.observedS > 0 ? Math.round((1 - u.downtimeS / u.observedS) * 1e6) / 1e4 : null;
      return { targetId: t.id, from: new Date(w.fromMs).toISOString(), to: new Date(w.toMs).toISOString(),
        observedS: u.observedS, downtimeS: u.downtimeS, unobservedS: u.unobservedS, uptimePct };
    });

  app.get<Req>('/targets/:id/outages', { ...common, schema: { params: idParam, querystring: windowQuery, response: { 200: outagesSchema, 503: problemRef, ...authProblems } } },
    async (req, reply) => {
      const tw = await targetWindow(req, reply);
      if (!tw) return reply;
      const { t, w } = tw;
      const u = await tw.evidence.uptimeForWindow(t.id, w.fromMs, w.toMs);
      return { targetId: t.id, from: new Date(w.fromMs).toISOString(), to: new Date(w.toMs).toISOString(), outages: u.outages, unobserved: u.unobserved };
    });
};
