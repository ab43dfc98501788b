// API keys (admin only): list, issue (the key is in the answer once), revoke; the audit log; and
// /me, which any key may call to learn its own role and agency.
import type { FastifyPluginAsync } from 'fastify';
import { apiKeyById, listApiKeys, revokeApiKey, type ApiKeyRow, type Role } from '../../../db/store/api-keys.ts';
import { listAudit } from '../../../db/store/audit-log.ts';
import { issueApiKey } from '../auth/issue-key.ts';
import { adminOnly, anyRole } from '../auth/access.ts';
import { problem, sendProblem } from '../problem.ts';
import { authProblems, idParam, looseObject, problemRef } from '../schemas/common.ts';
import { createdKeySchema, createKeyBody } from '../schemas/key.ts';

const view = (k: ApiKeyRow) => ({ id: k.id, prefix: k.prefix, role: k.role, agency: k.agencySlug, label: k.label,
  createdAt: k.createdAt.toISOString(), revokedAt: k.revokedAt?.toISOString() ?? null, lastUsedAt: k.lastUsedAt?.toISOString() ?? null });

const auditQuery = {
  type: 'object', additionalProperties: false,
  properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 }, before: { type: 'integer', minimum: 1 } },
} as const;

const auditList = {
  type: 'object', properties: {
    items: { type: 'array', items: { type: 'object', properties: {
      id: { type: 'integer' }, at: { type: 'string', format: 'date-time' }, keyId: { type: ['integer', 'null'] },
      action: { type: 'string' }, resource: { type: 'string' }, status: { type: 'integer' }, detail: looseObject } } },
    next: { type: ['integer', 'null'] },
  },
} as const;

export const keyRoutes: FastifyPluginAsync = async (app) => {
  app.get('/me', { config: { roles: anyRole }, schema: { response: { 200: { type: 'object', properties: {
    keyId: { type: 'integer' }, role: { type: 'string' }, agency: { type: ['string', 'null'] } } }, ...authProblems } } },
  async (req) => ({ keyId: req.principal!.keyId, role: req.principal!.role, agency: req.principal!.agencySlug }));

  app.get('/keys', { config: { roles: adminOnly }, schema: { response: { 200: { type: 'object', properties: { items: { type: 'array', items: { $ref: 'apiKey#' } } } }, ...authProblems } } },
    async () => ({ items: (await listApiKeys(app.db)).map(view) }));

  app.post<{ Body: { role: Role; agency?: string; label?: string } }>('/keys',
    { config: { roles: adminOnly }, schema: { body: createKeyBody, response: { 201: createdKeySchema, 422: problemRef, ...authProblems } } },
    async (req, reply) => {
      const out = await issueApiKey(app.db, req.body);
      if (!out.ok) return sendProblem(reply, problem(422, `body/${out.field} ${out.reason}`, { errors: [{ field: `/${out.field}`, message: out.reason }] }));
      return reply.code(201).send({ ...view(out.row), key: out.key });
    });

  app.delete<{ Params: { id: number } }>('/keys/:id',
    { config: { roles: adminOnly }, schema: { params: idParam, response: { 200: { $ref: 'apiKey#' }, ...authProblems } } },
    async (req, reply) => {
      if (!(await revokeApiKey(app.db, req.params.id))) return sendProblem(reply, problem(404, `no live key ${req.params.id}`));
      return view((await apiKeyById(app.db, req.params.id))!);
    });

  app.get<{ Querystring: { limit: number; before?: number } }>('/audit',
    { config: { roles: adminOnly }, schema: { querystring: auditQuery, response: { 200: auditList, ...authProblems } } },
    async (req) => {
      const rows = await listAudit(app.db, { limit: req.query.limit + 1, ...(req.query.before ? { beforeId: req.query.before } : {}) });
      const page = rows.slice(0, req.query.limit);
      return { items: page.map((r) => ({ ...r, at: r.at.toISOString() })), next: rows.length > req.query.limit ? page.at(-1)!.id : null };
    });
};
