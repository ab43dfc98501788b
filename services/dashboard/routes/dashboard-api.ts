// The dashboard's JSON API under /api/v1/dashboard: the overview (one aggregated query), its live
// stream (server-sent events), the agency page and probe progress; operator actions are in
// operator-actions.ts. Agency keys see their own agency only (another agency is 404, as everywhere).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { agencyBySlug } from '../../../db/store/agencies.ts';
import { probeRequestById } from '../../../db/store/probe-requests.ts';
import { operatorActions } from './operator-actions.ts';
import { canSeeAgency, readers } from '../../api/auth/access.ts';
import { problem, sendProblem } from '../../api/problem.ts';
import { slugParam } from '../../api/schemas/agency.ts';
import { idParam } from '../../api/schemas/common.ts';
import { buildOverview } from '../overview.ts';
import { agencyPage } from '../agency-page.ts';
import { startLiveHub } from '../live-hub.ts';
import { streamOverview } from './stream.ts';
import { agencyPageResponse, meResponse, overviewResponse, probeRequestResponse } from './response-schemas.ts';

export type DashboardOptions = { pollMs?: number; staleAfterMs?: number; now?: () => number };

const scopeOf = (req: FastifyRequest) => (req.principal?.role === 'agency' ? req.principal.agencyId : null);

export function dashboardApi(opts: DashboardOptions = {}): FastifyPluginAsync {
  return async (app) => {
    const now = opts.now ?? Date.now;
    const deps = { db: app.db, now, staleAfterMs: opts.staleAfterMs ?? 10 * 60_000 };
    const hub = startLiveHub({ ...deps, pollMs: opts.pollMs ?? 2_000, onError: (err) => app.log.error({ err }, 'dashboard live update failed') });
    app.addHook('preClose', async () => hub.close()); // before the server waits for open connections
    await app.register(operatorActions(now));

    app.get('/dashboard/me', { config: { roles: readers }, schema: { response: meResponse } }, async (req) => ({ role: req.principal!.role, agency: req.principal!.agencySlug }));
    app.get('/dashboard/overview', { config: { roles: readers }, schema: { response: overviewResponse } }, async (req) => buildOverview(deps, scopeOf(req)));
    app.get('/dashboard/stream', { config: { roles: readers } }, (req, reply) => streamOverview(hub, scopeOf(req), req, reply));

    app.get<{ Params: { slug: string } }>('/dashboard/agencies/:slug', { config: { roles: readers }, schema: { params: slugParam, response: agencyPageResponse } }, async (req, reply) => {
      const agency = await agencyBySlug(app.db, req.params.slug);
      if (!agency || !canSeeAgency(req, agency.id)) return sendProblem(reply, problem(404, `unknown agency "${req.params.slug}"`));
      return agencyPage(app.db, agency, new Date(now()));
    });

    app.get<{ Params: { id: number } }>('/dashboard/probe-requests/:id', { config: { roles: readers }, schema: { params: idParam, response: probeRequestResponse } }, async (req, reply) => {
      const r = await probeRequestById(app.db, req.params.id);
      if (!r || !canSeeAgency(req, r.agencyId)) return sendProblem(reply, problem(404, `unknown probe request ${req.params.id}`));
      const state = r.enqueuedAt === null ? 'waiting' : r.progress.every((p) => p.done) ? 'done' : 'running';
      return { id: r.id, targetId: r.targetId, state, progress: r.progress };
    });

  };
}
