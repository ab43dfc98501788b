// The dashboard's JSON API under /api/v1/dashboard: the overview (one aggregated query), its live
// stream (server-sent events), the agency page, acknowledging incidents and opening maintenance
// windows. Agency keys see their own agency only (another agency is 404, as everywhere).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { agencyBySlug } from '../../../db/store/agencies.ts';
import { acknowledgeIncident } from '../../../db/store/incidents.ts';
import { openMaintenanceWindow } from '../../../db/store/maintenance-windows.ts';
import { targetById } from '../../../db/store/target-admin.ts';
import { canSeeAgency, readers, targetWriters } from '../../api/auth/access.ts';
import { problem, sendProblem } from '../../api/problem.ts';
import { slugParam } from '../../api/schemas/agency.ts';
import { idParam } from '../../api/schemas/common.ts';
import { buildOverview } from '../overview.ts';
import { agencyPage } from '../agency-page.ts';
import { startLiveHub } from '../live-hub.ts';
import { streamOverview } from './stream.ts';

export type DashboardOptions = { pollMs?: number; staleAfterMs?: number; now?: () => number };

const scopeOf = (req: FastifyRequest) => (req.principal?.role === 'agency' ? req.principal.agencyId : null);

const maintenanceBody = {
  type: 'object', additionalProperties: false, required: ['startsAt', 'endsAt'],
  properties: { targetId: { type: 'integer', minimum: 1 }, agency: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
    startsAt: { type: 'string', format: 'date-time' }, endsAt: { type: 'string', format: 'date-time' }, reason: { type: 'string', maxLength: 500 } },
} as const;

export function dashboardApi(opts: DashboardOptions = {}): FastifyPluginAsync {
  return async (app) => {
    const now = opts.now ?? Date.now;
    const deps = { db: app.db, now, staleAfterMs: opts.staleAfterMs ?? 10 * 60_000 };
    const hub = startLiveHub({ ...deps, pollMs: opts.pollMs ?? 2_000, onError: (err) => app.log.error({ err }, 'dashboard live update failed') });
    app.addHook('onClose', async () => hub.close());

    app.get('/dashboard/me', { config: { roles: readers } }, async (req) => ({ role: req.principal!.role, agency: req.principal!.agencySlug }));
    app.get('/dashboard/overview', { config: { roles: readers } }, async (req) => buildOverview(deps, scopeOf(req)));
    app.get('/dashboard/stream', { config: { roles: readers } }, (req, reply) => streamOverview(hub, scopeOf(req), req, reply));

    app.get<{ Params: { slug: string } }>('/dashboard/agencies/:slug', { config: { roles: readers }, schema: { params: slugParam } }, async (req, reply) => {
      const agency = await agencyBySlug(app.db, req.params.slug);
      if (!agency || !canSeeAgency(req, agency.id)) return sendProblem(reply, problem(404, `unknown agency "${req.params.slug}"`));
      return agencyPage(app.db, agency, new Date(now()));
    });

    app.post<{ Params: { id: number } }>('/dashboard/incidents/:id/ack', { config: { roles: targetWriters }, schema: { params: idParam } }, async (req, reply) => {
      const ok = await acknowledgeIncident(app.db, req.params.id, `key ${req.principal!.keyId}`, new Date(now()));
      return ok ? { acknowledged: true } : sendProblem(reply, problem(404, `no unacknowledged incident ${req.params.id}`));
    });

    app.post<{ Body: { targetId?: number; agency?: string; startsAt: string; endsAt: string; reason?: string } }>('/dashboard/maintenance',
      { config: { roles: targetWriters }, schema: { body: maintenanceBody } }, async (req, reply) => {
        const b = req.body;
        const startsAt = new Date(b.startsAt), endsAt = new Date(b.endsAt);
        if (!(endsAt > startsAt)) return sendProblem(reply, problem(400, 'body/endsAt must be after body/startsAt'));
        const agency = b.agency ? await agencyBySlug(app.db, b.agency) : undefined;
        if (b.agency && !agency) return sendProblem(reply, problem(404, `unknown agency "${b.agency}"`));
        if (b.targetId !== undefined && !(await targetById(app.db, b.targetId))) return sendProblem(reply, problem(404, `unknown target ${b.targetId}`));
        const id = await openMaintenanceWindow(app.db, { targetId: b.targetId ?? null, agencyId: agency?.id ?? null, startsAt, endsAt, ...(b.reason ? { reason: b.reason } : {}) });
        return reply.code(201).send({ id });
      });
  };
}
