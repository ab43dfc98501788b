// Public agency registry: names and portal URLs, keyset-paginated by slug.
import type { FastifyPluginAsync } from 'fastify';
import { agencyBySlug, listAgencies, type Agency } from '../../../db/store/agencies.ts';
import { problem, sendProblem } from '../problem.ts';
import { slugParam } from '../schemas/agency.ts';

const listQuery = {
  type: 'object',
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 500 },
    after: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
  },
  additionalProperties: false,
} as const;

const listResponse = {
  type: 'object',
  properties: { items: { type: 'array', items: { $ref: 'agency#' } }, next: { type: ['string', 'null'] } },
} as const;

const view = (a: Agency) => ({ slug: a.slug, nameFa: a.nameFa, nameEn: a.nameEn, portalUrl: a.portalUrl, hasPortal: a.portalUrl !== null });

export const agencyRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { limit: number; after?: string } }>('/agencies',
    { config: { public: true }, schema: { querystring: listQuery, response: { 200: listResponse } } },
    async (req) => {
      const { limit, after } = req.query;
      const rows = await listAgencies(app.db, { limit: limit + 1, ...(after ? { after } : {}) });
      const page = rows.slice(0, limit);
      return { items: page.map(view), next: rows.length > limit ? page.at(-1)!.slug : null };
    });

  app.get<{ Params: { slug: string } }>('/agencies/:slug',
    { config: { public: true }, schema: { params: slugParam, response: { 200: { $ref: 'agency#' }, 404: { $ref: 'problem#' } } } },
    async (req, reply) => {
      const agency = await agencyBySlug(app.db, req.params.slug);
      return agency ? view(agency) : sendProblem(reply, problem(404, `unknown agency "${req.params.slug}"`));
    });
};
