// Agencies added and edited by admins and operators (the CSV import does the same in bulk). The
// portal URL passes the registry's URL checks and the egress policy; a changed portal URL retires
// the old portal target (its history is evidence) and adds a new one.
import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
import { agencyBySlug, upsertAgencies, type AgencyInput } from '../../../db/store/agencies.ts';
import { checkTargetUrl } from '../../registry/target-url.ts';
import { EgressDeniedError, resolveAllowed } from '../../../probes/egress/policy.ts';
import { targetWriters } from '../auth/access.ts';
import { problem, sendProblem } from '../problem.ts';
import { slugParam } from '../schemas/agency.ts';
import { authProblems, problemRef } from '../schemas/common.ts';

const name = { type: 'string', minLength: 1, maxLength: 300 } as const;
const portalUrl = { type: ['string', 'null'], minLength: 1, maxLength: 2048 } as const;

const createBody = {
  type: 'object', required: ['slug', 'nameFa', 'nameEn'], additionalProperties: false,
  properties: { slug: slugParam.properties.slug, nameFa: name, nameEn: name, portalUrl },
} as const;
const patchBody = { type: 'object', additionalProperties: false, minProperties: 1, properties: { nameFa: name, nameEn: name, portalUrl } } as const;

const view = (a: AgencyInput) => ({ slug: a.slug, nameFa: a.nameFa, nameEn: a.nameEn, portalUrl: a.portalUrl, hasPortal: a.portalUrl !== null });

/** The checked portal URL (or null), or undefined with a 422 already sent. */
async function checkedPortal(app: FastifyInstance, raw: string | null, reply: FastifyReply): Promise<string | null | undefined> {
  if (raw === null) return null;
  const checked = checkTargetUrl(raw);
  let reason = checked.ok ? null : checked.reason;
  if (checked.ok) {
    try { await resolveAllowed(new URL(checked.url).hostname, { allowPrivate: app.allowPrivateTargets }); } catch (err) {
      if (err instanceof EgressDeniedError) reason = err.message; // a name that does not resolve now is accepted
    }
  }
  if (reason === null && checked.ok) return checked.url;
  await sendProblem(reply, problem(422, `body/portalUrl ${reason}`, { errors: [{ field: '/portalUrl', message: reason }] }));
  return undefined;
}

export const agencyAdminRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: { slug: string; nameFa: string; nameEn: string; portalUrl?: string | null } }>('/agencies',
    { config: { roles: targetWriters }, schema: { body: createBody, response: { 201: { $ref: 'agency#' }, 409: problemRef, 422: problemRef, ...authProblems } } },
    async (req, reply) => {
      if (await agencyBySlug(app.db, req.body.slug)) return sendProblem(reply, problem(409, `agency "${req.body.slug}" already exists`));
      const url = await checkedPortal(app, req.body.portalUrl ?? null, reply);
      if (url === undefined) return reply;
      const input = { slug: req.body.slug, nameFa: req.body.nameFa, nameEn: req.body.nameEn, portalUrl: url };
      await upsertAgencies(app.db, [input]);
      return reply.code(201).send(view(input));
    });

  app.patch<{ Params: { slug: string }; Body: { nameFa?: string; nameEn?: string; portalUrl?: string | null } }>('/agencies/:slug',
    { config: { roles: targetWriters }, schema: { params: slugParam, body: patchBody, response: { 200: { $ref: 'agency#' }, 422: problemRef, ...authProblems } } },
    async (req, reply) => {
      const current = await agencyBySlug(app.db, req.params.slug);
      if (!current) return sendProblem(reply, problem(404, `unknown agency "${req.params.slug}"`));
      const url = req.body.portalUrl === undefined ? current.portalUrl : await checkedPortal(app, req.body.portalUrl, reply);
      if (url === undefined) return reply;
      const input = { slug: current.slug, nameFa: req.body.nameFa ?? current.nameFa, nameEn: req.body.nameEn ?? current.nameEn, portalUrl: url };
      await upsertAgencies(app.db, [input]);
      return view(input);
    });
};
