// The authorization matrix, built from Fastify's own route table (app.routeTable, filled by the
// onRoute hook): every route must have an entry here, or the test fails. Each route is called
// with every role's key and with no key: allowed roles get 2xx, others 403, no key 401 (public
// routes answer without a key); an agency key reading another agency's data gets 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { Registry } from 'prom-client';
import { issueApiKey } from '../../../services/api/auth/issue-key.ts';
import { insertTarget } from '../../../db/store/target-admin.ts';
import { period6 } from '../../../config/rulesets/period-6.ts';
import { openIncident } from '../../../db/store/incidents.ts';
import { saveSubscription } from '../../../db/store/alert-subscriptions.ts';
import { manualKinds, requestProbe } from '../../../db/store/probe-requests.ts';
import type { Role } from '../../../db/store/api-keys.ts';
import { apiFixture, pastPeriod, type ApiFixture } from './api-fixture.ts';

type Entry = {
  allow: 'public' | readonly Role[];
  req: (f: ApiFixture) => Promise<InjectOptions> | InjectOptions;
  /** The same request on another agency's data: an agency key gets 404. */
  other?: (f: ApiFixture) => Promise<InjectOptions> | InjectOptions;
  /** What an agency key gets on another agency's data (404 unless said otherwise). */
  otherStatus?: number;
  /** A stream that never ends by itself (server-sent events): only its status is read. */
  stream?: boolean;
};

const ALL: readonly Role[] = ['admin', 'operator', 'assessor', 'agency'];
const STAFF: readonly Role[] = ['admin', 'operator', 'assessor'];
const OPS: readonly Role[] = ['admin', 'operator'];
const ASSESS: readonly Role[] = ['admin', 'assessor'];
const ADMIN: readonly Role[] = ['admin'];
/** Alert subscriptions: an agency key reads its own agency's; writes are the operators'. */
const SUBSCRIBERS: readonly Role[] = ['admin', 'operator', 'agency'];
const hook = { channel: 'webhook', url: 'https://hooks.example/sanjeh', secret: 'a-webhook-secret-of-32-characters!' };
let n = 0;
const fresh = () => ++n;
const win = 'from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:00Z';

const matrix: Record<string, Entry> = {
  'GET /healthz': { allow: 'public', req: () => ({ url: '/healthz' }) },
  'GET /readyz': { allow: 'public', req: () => ({ url: '/readyz' }) },
  'GET /metrics': { allow: ADMIN, req: () => ({ url: '/metrics' }) },
  'GET /docs': { allow: 'public', req: () => ({ url: '/docs' }) },
  'GET /docs/json': { allow: 'public', req: () => ({ url: '/docs/json' }) },
  'GET /docs/yaml': { allow: 'public', req: () => ({ url: '/docs/yaml' }) },
  'GET /docs/static/index.html': { allow: 'public', req: () => ({ url: '/docs/static/index.html' }) },
  'GET /docs/static/swagger-initializer.js': { allow: 'public', req: () => ({ url: '/docs/static/swagger-initializer.js' }) },
  'GET /docs/static/*': { allow: 'public', req: () => ({ url: '/docs/static/swagger-ui.css' }) },
  'GET /api/v1/agencies': { allow: 'public', req: () => ({ url: '/api/v1/agencies' }) },
  'GET /api/v1/agencies/:slug': { allow: 'public', req: () => ({ url: '/api/v1/agencies/central-bank' }) },
  'POST /api/v1/agencies': { allow: OPS, req: () => ({ method: 'POST', url: '/api/v1/agencies',
    payload: { slug: `new-agency-${fresh()}`, nameFa: 'دستگاه تازه', nameEn: 'New agency', portalUrl: `https://new-${n}.example/` } }) },
  'PATCH /api/v1/agencies/:slug': { allow: OPS, req: (f) => ({ method: 'PATCH', url: `/api/v1/agencies/${f.own.slug}`, payload: { nameEn: `Central Bank ${fresh()}` } }) },
  'GET /api/v1/me': { allow: ALL, req: () => ({ url: '/api/v1/me' }) },
  'GET /api/v1/keys': { allow: ADMIN, req: () => ({ url: '/api/v1/keys' }) },
  'POST /api/v1/keys': { allow: ADMIN, req: () => ({ method: 'POST', url: '/api/v1/keys', payload: { role: 'assessor' } }) },
  'DELETE /api/v1/keys/:id': { allow: ADMIN, req: async (f) => {
    const k = await issueApiKey(f.t.db, { role: 'operator' });
    return { method: 'DELETE', url: `/api/v1/keys/${k.ok ? k.row.id : 0}` };
  } },
  'GET /api/v1/audit': { allow: ADMIN, req: () => ({ url: '/api/v1/audit' }) },
  'GET /api/v1/rule-sets': { allow: ALL, req: () => ({ url: '/api/v1/rule-sets' }) },
  'GET /api/v1/rule-sets/:id/:version': { allow: ALL, req: () => ({ url: '/api/v1/rule-sets/period-6/1' }) },
  'POST /api/v1/rule-sets': { allow: ASSESS, req: () => ({ method: 'POST', url: '/api/v1/rule-sets', payload: { ...period6, id: 'matrix', version: fresh() } }) },
  'GET /api/v1/periods': { allow: ALL, req: () => ({ url: '/api/v1/periods' }) },
  'GET /api/v1/periods/:period': { allow: ALL, req: () => ({ url: '/api/v1/periods/p-closed' }) },
  'POST /api/v1/periods': { allow: ASSESS, req: () => ({ method: 'POST', url: '/api/v1/periods', payload: {
    slug: `m-${fresh()}`, nameFa: 'دوره آزمون', nameEn: 'test period', calendar: 'gregorian', firstDay: '2024-01-01', lastDay: '2024-01-31' } }) },
  'POST /api/v1/periods/:period/close': { allow: ASSESS, req: async (f) => {
    const p = await pastPeriod(f.t, `c-${fresh()}`, false);
    return { method: 'POST', url: `/api/v1/periods/${p.slug}/close` };
  } },
  'POST /api/v1/periods/:period/rebuild': { allow: ASSESS, req: () => ({ method: 'POST', url: '/api/v1/periods/p-closed/rebuild' }) },
  'GET /api/v1/periods/:period/scores': { allow: ALL, req: () => ({ url: '/api/v1/periods/p-closed/scores' }) },
  'GET /api/v1/periods/:period/scores/:agency': { allow: ALL, req: (f) => ({ url: `/api/v1/periods/p-closed/scores/${f.own.slug}` }),
    other: (f) => ({ url: `/api/v1/periods/p-closed/scores/${f.other.slug}` }) },
  'GET /api/v1/periods/:period/rankings': { allow: STAFF, req: () => ({ url: '/api/v1/periods/p-closed/rankings' }) },
  'GET /api/v1/periods/:period/export.csv': { allow: ASSESS, req: () => ({ url: '/api/v1/periods/p-closed/export.csv' }) },
  'GET /api/v1/periods/:period/export.xlsx': { allow: ASSESS, req: () => ({ url: '/api/v1/periods/p-closed/export.xlsx' }) },
  'GET /api/v1/agencies/:slug/targets': { allow: ALL, req: (f) => ({ url: `/api/v1/agencies/${f.own.slug}/targets` }),
    other: (f) => ({ url: `/api/v1/agencies/${f.other.slug}/targets` }) },
  'POST /api/v1/agencies/:slug/targets': { allow: OPS, req: (f) => ({ method: 'POST', url: `/api/v1/agencies/${f.own.slug}/targets`,
    payload: { url: `http://127.0.0.1:${10_000 + fresh()}/page`, name: 'صفحه خدمت' } }) },
  'GET /api/v1/targets/:id': { allow: ALL, req: (f) => ({ url: `/api/v1/targets/${f.own.target.id}` }),
    other: (f) => ({ url: `/api/v1/targets/${f.other.target.id}` }) },
  'PATCH /api/v1/targets/:id': { allow: OPS, req: (f) => ({ method: 'PATCH', url: `/api/v1/targets/${f.own.target.id}`, payload: { name: 'renamed' } }) },
  'POST /api/v1/targets/:id/pause': { allow: OPS, req: (f) => ({ method: 'POST', url: `/api/v1/targets/${f.own.target.id}/pause` }) },
  'POST /api/v1/targets/:id/resume': { allow: OPS, req: (f) => ({ method: 'POST', url: `/api/v1/targets/${f.own.target.id}/resume` }) },
  'DELETE /api/v1/targets/:id': { allow: OPS, req: async (f) => {
    const t = await insertTarget(f.t.db, { agencyId: f.own.id, kind: 'service', url: `https://x.example/${fresh()}`, name: null });
    return { method: 'DELETE', url: `/api/v1/targets/${t.id}` };
  } },
  'GET /api/v1/targets/:id/uptime': { allow: ALL, req: (f) => ({ url: `/api/v1/targets/${f.own.target.id}/uptime?${win}` }),
    other: (f) => ({ url: `/api/v1/targets/${f.other.target.id}/uptime?${win}` }) },
  'GET /api/v1/targets/:id/outages': { allow: ALL, req: (f) => ({ url: `/api/v1/targets/${f.own.target.id}/outages?${win}` }),
    other: (f) => ({ url: `/api/v1/targets/${f.other.target.id}/outages?${win}` }) },
  'GET /api/v1/targets/:id/results/:kind': { allow: ALL, req: (f) => ({ url: `/api/v1/targets/${f.own.target.id}/results/tls?${win}` }),
    other: (f) => ({ url: `/api/v1/targets/${f.other.target.id}/results/uptime?${win}` }) },
  'GET /api/v1/incidents': { allow: ALL, req: () => ({ url: '/api/v1/incidents' }) },
  // The dashboard's routes (services/dashboard/routes): its JSON API, public status pages, badges and front-end.
  'GET /api/v1/dashboard/me': { allow: ALL, req: () => ({ url: '/api/v1/dashboard/me' }) },
  'GET /api/v1/dashboard/overview': { allow: ALL, req: () => ({ url: '/api/v1/dashboard/overview' }) },
  'GET /api/v1/dashboard/stream': { allow: ALL, stream: true, req: () => ({ url: '/api/v1/dashboard/stream' }) },
  'GET /api/v1/dashboard/agencies/:slug': { allow: ALL, req: (f) => ({ url: `/api/v1/dashboard/agencies/${f.own.slug}` }),
    other: (f) => ({ url: `/api/v1/dashboard/agencies/${f.other.slug}` }) },
  'POST /api/v1/dashboard/incidents/:id/ack': { allow: OPS, req: async (f) => {
    const t = await insertTarget(f.t.db, { agencyId: f.own.id, kind: 'service', url: `https://incident.example/${fresh()}`, name: null });
    const { id } = await openIncident(f.t.db, t.id, 'outage', new Date());
    return { method: 'POST', url: `/api/v1/dashboard/incidents/${id}/ack` };
  } },
  'POST /api/v1/dashboard/maintenance': { allow: OPS, req: (f) => ({ method: 'POST', url: '/api/v1/dashboard/maintenance',
    payload: { agency: f.own.slug, startsAt: '2030-01-01T00:00:00Z', endsAt: '2030-01-01T02:00:00Z', reason: 'matrix' } }) },
  'GET /api/v1/alerts/subscriptions': { allow: SUBSCRIBERS, req: () => ({ url: '/api/v1/alerts/subscriptions' }) },
  'POST /api/v1/alerts/subscriptions': { allow: OPS, req: (f) => ({ method: 'POST', url: '/api/v1/alerts/subscriptions',
    payload: { agency: f.own.slug, locale: 'fa', config: hook } }) },
  'DELETE /api/v1/alerts/subscriptions/:id': { allow: OPS, req: async (f) => {
    const s = await saveSubscription(f.t.db, { agencyId: f.own.id, locale: 'fa', config: hook });
    return { method: 'DELETE', url: `/api/v1/alerts/subscriptions/${s.ok ? s.id : 0}` };
  } },
  'POST /api/v1/dashboard/targets/:id/probe': { allow: OPS, req: (f) => ({ method: 'POST', url: `/api/v1/dashboard/targets/${f.own.target.id}/probe`, payload: {} }) },
  'GET /api/v1/dashboard/probe-requests/:id': { allow: ALL, req: async (f) => ({ url: `/api/v1/dashboard/probe-requests/${await requestProbe(f.t.db, f.own.target.id, manualKinds, 'matrix', new Date())}` }),
    other: async (f) => ({ url: `/api/v1/dashboard/probe-requests/${await requestProbe(f.t.db, f.other.target.id, manualKinds, 'matrix', new Date())}` }) },
  'GET /status/:slug': { allow: 'public', req: (f) => ({ url: `/status/${f.own.slug}` }) },
  'GET /badges/:slug/:badge': { allow: 'public', req: (f) => ({ url: `/badges/${f.own.slug}/uptime.svg` }) },
  'GET /dashboard': { allow: 'public', req: () => ({ url: '/dashboard' }) },
  'GET /dashboard/:file': { allow: 'public', req: () => ({ url: '/dashboard/index.html' }) },
};

describe('authorization matrix', () => {
  let f: ApiFixture;
  beforeAll(async () => { f = await apiFixture({ metrics: new Registry() }); });
  afterAll(async () => { await f.close(); });

  it('has an entry for every route of the route table, and no entry for a route that does not exist', () => {
    const routes = f.app.routeTable.map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((r) => !(r in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((k) => !routes.includes(k))).toEqual([]);
  });

  it('each route declares exactly the access the matrix expects', () => {
    for (const r of f.app.routeTable) {
      const want = matrix[`${r.method} ${r.url}`]!.allow;
      expect(r.public ? 'public' : [...r.roles].sort(), `${r.method} ${r.url}`).toEqual(want === 'public' ? 'public' : [...want].sort());
    }
  });

  for (const [route, entry] of Object.entries(matrix)) {
    it(`${route}: every role and no key`, async () => {
      const callers = [null, ...ALL] as const;
      for (const role of callers) {
        const opts = await entry.req(f);
        const res = await f.as(role, entry.stream ? { ...opts, payloadAsStream: true } : opts);
        if (entry.stream) res.stream().destroy();
        const body = entry.stream ? '' : res.body.slice(0, 200);
        const allowed = entry.allow === 'public' || (role !== null && entry.allow.includes(role));
        const expected = allowed ? 'ok' : role === null ? 401 : 403;
        // 'ok': 2xx, or the UI's redirect to its index page
        expect(res.statusCode >= 200 && res.statusCode < (entry.allow === 'public' ? 400 : 300) ? 'ok' : res.statusCode, `${route} as ${role ?? 'no key'}: ${body}`).toBe(expected);
      }
      if (entry.other) {
        const mine = await f.as('agency', await entry.req(f));
        expect(mine.statusCode, `${route} own agency`).toBeLessThan(300);
        const theirs = await f.as('agency', await entry.other(f));
        expect(theirs.statusCode, `${route} another agency`).toBe(entry.otherStatus ?? 404);
        const staff = entry.allow === 'public' || entry.allow.includes('assessor') ? 'assessor' : 'admin';
        expect((await f.as(staff, await entry.other(f))).statusCode, `${route} another agency as ${staff}`).toBeLessThan(300);
      }
    });
  }

  it('an agency key sees only its own agency in a period\'s scores', async () => {
    const res = await f.as('agency', { url: '/api/v1/periods/p-closed/scores' });
    expect(res.json().items.map((i: { agency: { slug: string } }) => i.agency.slug)).toEqual(['central-bank']);
    const all = await f.as('assessor', { url: '/api/v1/periods/p-closed/scores' });
    expect(all.json().items).toHaveLength(158);
  });

  it('an agency key writing to its own agency is 403 and changes nothing', async () => {
    const before = await f.as('admin', { url: `/api/v1/agencies/${f.own.slug}/targets` });
    const res = await f.as('agency', { method: 'POST', url: `/api/v1/agencies/${f.own.slug}/targets`, payload: { url: 'https://new.example/' } });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await f.as('admin', { url: `/api/v1/agencies/${f.own.slug}/targets` })).json()).toEqual(before.json());
  });
});
