// Targets of an agency: read by every role (agency keys: their own agency only, else 404);
// added, renamed, paused, resumed and retired by admins and operators. A URL passes the registry's
// URL checks and the egress policy (no loopback/private addresses unless ALLOW_PRIVATE_TARGETS).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { agencyBySlug } from '../../../db/store/agencies.ts';
import { insertTarget, retireTarget, targetById, targetsOfAgency, TargetConflictError, updateTarget, type TargetRow } from '../../../db/store/target-admin.ts';
import { checkTargetUrl } from '../../registry/target-url.ts';
import { EgressDeniedError, resolveAllowed } from '../../../probes/egress/policy.ts';
import { canSeeAgency, readers, targetWriters } from '../auth/access.ts';
import { problem, sendProblem } from '../problem.ts';
import { slugParam } from '../schemas/agency.ts';
import { authProblems, idParam, problemRef } from '../schemas/common.ts';
import { createTargetBody, patchTargetBody } from '../schemas/target.ts';

export const targetView = (t: TargetRow) => ({ id: t.id, agency: t.agencySlug, kind: t.kind, url: t.url, name: t.name, paused: t.paused,
  retired: t.retiredAt !== null, createdAt: t.createdAt.toISOString(), retiredAt: t.retiredAt?.toISOString() ?? null });

/** The target of `:id` if the caller may see it, or null with a 404 already sent. */
export async function visibleTarget(req: FastifyRequest, reply: FastifyReply, id: number): Promise<TargetRow | null> {
  const t = await targetById(req.server.db, id);
  if (t && canSeeAgency(req, t.agencyId)) return t;
  await sendProblem(reply, problem(404, `unknown target ${id}`));
  return null;
}

const urlProblem = (reply: FastifyReply, reason: string) =>
  sendProblem(reply, problem(422, `body/url ${reason}`, { errors: [{ field: '/url', message: reason }] }));

/** Refuses addresses the egress policy forbids; a name that does not resolve now is accepted (the probe records it). */
async function egressReason(url: string, allowPrivate: boolean): Promise<string | null> {
  try {
    await resolveAllowed(new URL(url).hostname, { allowPrivate });
    return null;
  } catch (err) {
    return err instanceof EgressDeniedError ? err.message : null;
  }
}

export const targetRoutes: FastifyPluginAsync = async (app) => {
  const one = { 200: { $ref: 'target#' }, 409: problemRef, ...authProblems } as const;
  app.get<{ Params: { slug: string }; Querystring: { retired: boolean } }>('/agencies/:slug/targets', { config: { roles: readers },
    schema: { params: slugParam, querystring: { type: 'object', additionalProperties: false, properties: { retired: { type: 'boolean', default: false } } },
      response: { 200: { type: 'object', properties: { items: { type: 'array', items: { $ref: 'target#' } } } }, ...authProblems } } },
  async (req, reply) => {
    const agency = await agencyBySlug(app.db, req.params.slug);
    if (!agency || !canSeeAgency(req, agency.id)) return sendProblem(reply, problem(404, `unknown agency "${req.params.slug}"`));
    return { items: (await targetsOfAgency(app.db, agency.id, req.query.retired)).map(targetView) };
  });

  app.get<{ Params: { id: number } }>('/targets/:id', { config: { roles: readers }, schema: { params: idParam, response: one } },
    async (req, reply) => { const t = await visibleTarget(req, reply, req.params.id); return t ? targetView(t) : reply; });
  await app.register(targetWriteRoutes);
};

/** Adding, renaming, pausing, resuming and retiring targets (admins and operators). */
const targetWriteRoutes: FastifyPluginAsync = async (app) => {
  const one = { 200: { $ref: 'target#' }, 409: problemRef, ...authProblems } as const;
  app.post<{ Params: { slug: string }; Body: { url: string; kind: 'portal' | 'service'; name?: string } }>('/agencies/:slug/targets',
    { config: { roles: targetWriters }, schema: { params: slugParam, body: createTargetBody, response: { 201: { $ref: 'target#' }, 409: problemRef, 422: problemRef, ...authProblems } } },
    async (req, reply) => {
      const agency = await agencyBySlug(app.db, req.params.slug);
      if (!agency) return sendProblem(reply, problem(404, `unknown agency "${req.params.slug}"`));
      const checked = checkTargetUrl(req.body.url);
      if (!checked.ok) return urlProblem(reply, checked.reason);
      const denied = await egressReason(checked.url, app.allowPrivateTargets);
      if (denied) return urlProblem(reply, denied);
      try {
        const t = await insertTarget(app.db, { agencyId: agency.id, kind: req.body.kind, url: checked.url, name: req.body.name ?? null });
        return reply.code(201).send(targetView(t));
      } catch (err) {
        if (err instanceof TargetConflictError) return sendProblem(reply, problem(409, err.message));
        throw err;
      }
    });

  const change = (fn: (id: number, body: { name?: string | null; paused?: boolean }) => Promise<TargetRow | undefined>) =>
    async (req: FastifyRequest<{ Params: { id: number }; Body: { name?: string | null; paused?: boolean } }>, reply: FastifyReply) => {
      const t = await visibleTarget(req, reply, req.params.id);
      if (!t) return reply;
      if (t.retiredAt) return sendProblem(reply, problem(409, `target ${t.id} is retired`));
      return targetView((await fn(t.id, req.body ?? {}))!);
    };
  app.patch('/targets/:id', { config: { roles: targetWriters }, schema: { params: idParam, body: patchTargetBody, response: one } },
    change((id, body) => updateTarget(app.db, id, body)));
  app.post('/targets/:id/pause', { config: { roles: targetWriters }, schema: { params: idParam, response: one } },
    change((id) => updateTarget(app.db, id, { paused: true })));
  app.post('/targets/:id/resume', { config: { roles: targetWriters }, schema: { params: idParam, response: one } },
    change((id) => updateTarget(app.db, id, { paused: false })));
  app.delete('/targets/:id', { config: { roles: targetWriters }, schema: { params: idParam, response: one } },
    change((id) => retireTarget(app.db, id)));
};
