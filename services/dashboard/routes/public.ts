// Public pages (no key): an agency's status page and its embeddable SVG badges (uptime over
// 30 days, TLS grade of the portal). Cached briefly: they are polled by many readers.
import type { FastifyPluginAsync } from 'fastify';
import { agencyBySlug } from '../../../db/store/agencies.ts';
import { outagesOfAgency, dailyCells } from '../../../db/store/dashboard-agency.ts';
import { problem, sendProblem } from '../../api/problem.ts';
import { slugParam } from '../../api/schemas/agency.ts';
import { buildOverview, type OverviewItem } from '../overview.ts';
import { badgeSvg, tlsColour, uptimeColour } from '../badge-svg.ts';
import { renderStatusPage } from '../status-page.ts';

const DAY_MS = 86_400_000;
const portalOf = (items: OverviewItem[]) => items.find((i) => i.kind === 'portal') ?? items[0];

export function publicRoutes(opts: { now?: () => number; staleAfterMs?: number } = {}): FastifyPluginAsync {
  return async (app) => {
    const now = opts.now ?? Date.now;
    const deps = { db: app.db, now, staleAfterMs: opts.staleAfterMs ?? 10 * 60_000 };
    const cfg = { config: { public: true }, schema: { params: slugParam } } as const;

    app.get<{ Params: { slug: string } }>('/status/:slug', cfg, async (req, reply) => {
      const agency = await agencyBySlug(app.db, req.params.slug);
      if (!agency) return sendProblem(reply, problem(404, `unknown agency "${req.params.slug}"`));
      const { items } = await buildOverview(deps, agency.id);
      const portal = portalOf(items);
      const from = new Date(now() - 90 * DAY_MS);
      const days = portal?.targetId ? (await dailyCells(app.db, portal.targetId, from)).map((d) => ({ day: d.day, uptime: d.observedS > 0 ? Math.round((1 - d.downS / d.observedS) * 10_000) / 100 : null })) : [];
      const outages = await outagesOfAgency(app.db, agency.id, from);
      return reply.header('cache-control', 'public, max-age=30').type('text/html; charset=utf-8')
        .send(renderStatusPage({ nameFa: agency.nameFa, nameEn: agency.nameEn, slug: agency.slug, items, days, outages }));
    });

    app.get<{ Params: { slug: string; badge: string } }>('/badges/:slug/:badge', {
      config: { public: true },
      schema: { params: { type: 'object', required: ['slug', 'badge'], properties: { ...slugParam.properties, badge: { type: 'string', enum: ['uptime.svg', 'tls.svg'] } } } },
    }, async (req, reply) => {
      const agency = await agencyBySlug(app.db, req.params.slug);
      if (!agency) return sendProblem(reply, problem(404, `unknown agency "${req.params.slug}"`));
      const portal = portalOf((await buildOverview(deps, agency.id)).items);
      const svg = req.params.badge === 'uptime.svg'
        ? badgeSvg('uptime 30d', portal?.uptime30d == null ? 'n/a' : `${portal.uptime30d.toFixed(2)}%`, uptimeColour(portal?.uptime30d ?? null))
        : badgeSvg('TLS', portal?.tlsGrade === 'no_https' ? 'no HTTPS' : portal?.tlsGrade ?? 'n/a', tlsColour(portal?.tlsGrade === 'no_https' ? 'F' : portal?.tlsGrade ?? null));
      return reply.header('cache-control', 'public, max-age=300').type('image/svg+xml; charset=utf-8').send(svg);
    });
  };
}
