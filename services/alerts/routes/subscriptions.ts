// Alert subscriptions over the API: admins and operators manage every agency's and the operators'
// own (no agency); an agency key reads its own agency's and writes nothing (403, like every write). Channel settings are validated
// when saved (422 naming the field); webhook secrets are never sent back.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { agencyBySlug } from '../../../db/store/agencies.ts';
import { disableSubscription, listAllSubscriptions, saveSubscription, subscriptionById, type Subscription } from '../../../db/store/alert-subscriptions.ts';
import type { Role } from '../../../db/store/api-keys.ts';
import { problem, sendProblem } from '../../api/problem.ts';
import { idParam } from '../../api/schemas/common.ts';
import { createdIdResponse, noContentResponse, subscriptionsResponse } from '../../dashboard/routes/response-schemas.ts';

const body = {
  type: 'object', additionalProperties: false, required: ['config'],
  properties: { agency: { type: ['string', 'null'], pattern: '^[a-z0-9][a-z0-9-]{0,63}$' }, locale: { type: 'string', enum: ['fa', 'en'], default: 'fa' },
    config: { type: 'object' } },
} as const;

const masked = (s: Subscription & { agency?: string | null }) => ({
  id: s.id, agency: s.agency ?? null, locale: s.locale,
  config: s.config.channel === 'webhook' ? { ...s.config, secret: '********' } : s.config,
});

/** Assessors read scores, not alerting settings. */
// An agency key reads its own agency's subscriptions; writing anything is not an agency key's (403).
const readers: readonly Role[] = ['admin', 'operator', 'agency'];
const managers: readonly Role[] = ['admin', 'operator'];
const isAgencyKey = (req: FastifyRequest) => req.principal?.role === 'agency';

export const subscriptionRoutes: FastifyPluginAsync = async (app) => {
  app.get('/alerts/subscriptions', { config: { roles: readers }, schema: { response: subscriptionsResponse } }, async (req) => {
    return { items: (await listAllSubscriptions(app.db, isAgencyKey(req) ? req.principal!.agencyId : null)).map(masked) };
  });

  app.post<{ Body: { agency?: string | null; locale: 'fa' | 'en'; config: unknown } }>('/alerts/subscriptions',
    { config: { roles: managers }, schema: { body, response: createdIdResponse(201) } }, async (req, reply) => {
      const slug = req.body.agency ?? null;
      const agency = slug ? await agencyBySlug(app.db, slug) : null;
      if (slug && !agency) return sendProblem(reply, problem(404, `unknown agency "${slug}"`));
      const saved = await saveSubscription(app.db, { agencyId: agency?.id ?? null, locale: req.body.locale, config: req.body.config });
      if (!saved.ok) return sendProblem(reply, problem(422, `body/config/${saved.reason}`));
      return reply.code(201).send({ id: saved.id });
    });

  app.delete<{ Params: { id: number } }>('/alerts/subscriptions/:id', { config: { roles: managers }, schema: { params: idParam, response: noContentResponse } }, async (req, reply) => {
    const s = await subscriptionById(app.db, req.params.id);
    if (!s) return sendProblem(reply, problem(404, `unknown subscription ${req.params.id}`));
    await disableSubscription(app.db, s.id, new Date());
    return reply.code(204).send();
  });
};
