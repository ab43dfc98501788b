// Probe results of a target per kind, with a time range and cursor pagination; incidents. Agency
// keys see their own agency's only (another agency's target is 404).
import type { FastifyPluginAsync } from 'fastify';
import { probeResults } from '../../../db/store/probe-results.ts';
import { listIncidents } from '../../../db/store/incidents.ts';
import { agencyBySlug } from '../../../db/store/agencies.ts';
import { probeKinds, type ProbeKind } from '../../../workers/job.ts';
import { readers } from '../auth/access.ts';
import { problem, sendProblem } from '../problem.ts';
import { authProblems, looseObject } from '../schemas/common.ts';
import { visibleTarget } from './targets.ts';

const params = {
  type: 'object', required: ['id', 'kind'], additionalProperties: false,
  properties: { id: { type: 'integer', minimum: 1, maximum: 9_007_199_254_740_991 }, kind: { type: 'string', enum: [...probeKinds] } },
} as const;

const query = {
  type: 'object', required: ['from', 'to'], additionalProperties: false,
  properties: {
    from: { type: 'string', format: 'date-time' }, to: { type: 'string', format: 'date-time' },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
    cursor: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,200}$', description: 'the `next` of the previous page' },
  },
} as const;

const page = {
  type: 'object', properties: {
    items: { type: 'array', items: { type: 'object', properties: { at: { type: 'string', format: 'date-time' }, result: looseObject } } },
    next: { type: ['string', 'null'] },
  },
} as const;

type Cursor = { at: Date; key: string };
const encode = (c: Cursor) => Buffer.from(JSON.stringify([c.at.toISOString(), c.key])).toString('base64url');
function decode(s: string): Cursor | null {
  try {
    const [at, key] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown[];
    return typeof at === 'string' && typeof key === 'string' && !Number.isNaN(Date.parse(at)) && key.length <= 100 ? { at: new Date(at), key } : null;
  } catch { return null; }
}

export const resultRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: number; kind: ProbeKind }; Querystring: { from: string; to: string; limit: number; cursor?: string } }>('/targets/:id/results/:kind',
    { config: { roles: readers }, schema: { params, querystring: query, response: { 200: page, ...authProblems } } },
    async (req, reply) => {
      const t = await visibleTarget(req, reply, req.params.id);
      if (!t) return reply;
      const after = req.query.cursor === undefined ? null : decode(req.query.cursor);
      if (req.query.cursor !== undefined && !after) return sendProblem(reply, problem(400, 'querystring/cursor is not a cursor this API issued'));
      const { from, to, limit } = req.query;
      const rows = await probeResults(app.db, { targetId: t.id, kind: req.params.kind, fromMs: Date.parse(from), toMs: Date.parse(to), after, limit: limit + 1 });
      const items = rows.slice(0, limit);
      return { items: items.map((r) => ({ at: r.at.toISOString(), result: r.result })), next: rows.length > limit ? encode(items.at(-1)!) : null };
    });
  await app.register(incidentRoutes);
};

/** Incidents, newest first; agency keys see their own agency's only. */
const incidentRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { agency?: string; open: boolean; limit: number } }>('/incidents', { config: { roles: readers }, schema: {
    querystring: { type: 'object', additionalProperties: false, properties: {
      agency: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' }, open: { type: 'boolean', default: false },
      limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } } },
    response: { 200: { type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: {
      id: { type: 'integer' }, targetId: { type: ['integer', 'null'] }, kind: { type: 'string' }, openedAt: { type: 'string', format: 'date-time' },
      closedAt: { type: ['string', 'null'], format: 'date-time' }, acknowledgedAt: { type: ['string', 'null'], format: 'date-time' }, details: looseObject } } } } },
    ...authProblems } } },
  async (req, reply) => {
    let agencyId: number | null = null;
    if (req.query.agency) {
      const a = await agencyBySlug(app.db, req.query.agency);
      if (!a || (req.principal!.role === 'agency' && req.principal!.agencyId !== a.id)) return sendProblem(reply, problem(404, `unknown agency "${req.query.agency}"`));
      agencyId = a.id;
    }
    if (req.principal!.role === 'agency') agencyId = req.principal!.agencyId;
    const rows = await listIncidents(app.db, { agencyId, openOnly: req.query.open, limit: req.query.limit });
    return { items: rows.map((i) => ({ ...i, openedAt: i.openedAt.toISOString(), closedAt: i.closedAt?.toISOString() ?? null, acknowledgedAt: i.acknowledgedAt?.toISOString() ?? null })) };
  });
};
