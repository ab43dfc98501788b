// Response schemas of the dashboard's JSON routes (the SSE stream, the status page, the badges and
// the static files answer text/event-stream, HTML, SVG and files). Fully listed where the shape is
// fixed (the overview row, which also makes serialising 10,000 rows faster); the agency page's
// nested evidence (TLS findings, speed advice) keeps its fields as stored.
import { authProblems, problemRef } from '../../api/schemas/common.ts';

const nullable = (type: string) => ({ type: [type, 'null'] });
const open = { type: 'object', additionalProperties: true } as const;
const openList = { type: 'array', items: open } as const;

export const overviewItemSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' }, targetId: nullable('integer'), agencyId: { type: 'integer' }, agency: { type: 'string' },
    nameFa: { type: 'string' }, nameEn: { type: 'string' }, kind: nullable('string'), url: nullable('string'),
    paused: { type: 'boolean' }, state: { type: 'string', enum: ['up', 'down', 'degraded', 'unobserved', 'no_portal'] },
    uptime24h: nullable('number'), uptime30d: nullable('number'), uptimePeriod: nullable('number'),
    tlsGrade: nullable('string'), speedPct: nullable('number'),
    scores: { type: 'object', properties: { uptime: nullable('number'), speed: nullable('number'), tls: nullable('number') } },
  },
} as const;

export const meResponse = { 200: { type: 'object', properties: { role: { type: 'string' }, agency: nullable('string') } }, ...authProblems } as const;

export const overviewResponse = {
  200: { type: 'object', properties: { period: nullable('string'), items: { type: 'array', items: overviewItemSchema } } },
  ...authProblems,
} as const;

export const agencyPageResponse = {
  200: {
    type: 'object',
    properties: {
      agency: { type: 'object', properties: { slug: { type: 'string' }, nameFa: { type: 'string' }, nameEn: { type: 'string' }, portalUrl: nullable('string') } },
      targets: openList, outages: openList, scores: openList, incidents: openList, maintenance: openList,
    },
  },
  ...authProblems,
} as const;

export const probeRequestResponse = {
  200: {
    type: 'object',
    properties: {
      id: { type: 'integer' }, targetId: { type: 'integer' }, state: { type: 'string', enum: ['waiting', 'running', 'done'] },
      progress: openList,
    },
  },
  ...authProblems,
} as const;

export const ackResponse = { 200: { type: 'object', properties: { acknowledged: { type: 'boolean' } } }, ...authProblems } as const;
export const createdIdResponse = (code: 201 | 202) => ({ [code]: { type: 'object', properties: { id: { type: 'integer' } } }, ...authProblems, 422: problemRef });
export const subscriptionsResponse = {
  200: { type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: {
    id: { type: 'integer' }, agency: nullable('string'), locale: { type: 'string' }, config: open } } } } },
  ...authProblems,
} as const;
export const noContentResponse = { 204: { type: 'null' }, ...authProblems } as const;
