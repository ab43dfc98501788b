// The dashboard's API and public pages through inject: the overview (one row per target, agency
// keys scoped to their agency), the agency page, acknowledging incidents, maintenance windows,
// the live stream's "ready" and "update", the status page and the SVG badges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../services/api/app.ts';
import { migrate } from '../../../db/migrate.ts';
import { issueApiKey } from '../../../services/api/auth/issue-key.ts';
import { openIncident } from '../../../db/store/incidents.ts';
import { pgSchema, type TestDb } from '../../helpers/databases.ts';
import { silentLogger } from '../../helpers/logger.ts';
import { seedDashboard, seedOutage } from '../../e2e/seed.ts';
import { buildOverview } from '../../../services/dashboard/overview.ts';
import { startLiveHub } from '../../../services/dashboard/live-hub.ts';
import type { OverviewItem } from '../../../services/dashboard/overview.ts';
import { pgliteDb } from '../../helpers/databases.ts';

const NOW = Date.parse('2026-11-21T06:00:00Z');

describe('dashboard API', () => {
  let t: TestDb;
  let app: FastifyInstance;
  const keys: Record<string, string> = {};
  const get = (url: string, who = 'admin') => app.inject({ url, headers: { authorization: `Bearer ${keys[who]}` } });
  beforeAll(async () => {
    t = await pgSchema();
    await migrate(t.db);
    await seedDashboard(t.db, 30, NOW);
    for (const [name, req] of [['admin', { role: 'admin' }], ['operator', { role: 'operator' }], ['agency', { role: 'agency', agency: 'ag-3' }]] as const) {
      const r = await issueApiKey(t.db, req);
      if (!r.ok) throw new Error(r.reason);
      keys[name] = r.key;
    }
    app = await buildApp({ db: t.db, logger: silentLogger, readiness: [], dashboard: { now: () => NOW, pollMs: 50 } });
  });
  afterAll(async () => { await app.close(); await t.drop(); });

  it('lists every target and the agency without a portal, with uptime, TLS, speed and scores', async () => {
    const res = await get('/api/v1/dashboard/overview');
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items).toHaveLength(31);
    expect(items.find((i: { agency: string }) => i.agency === 'no-portal')).toMatchObject({ state: 'no_portal', targetId: null });
    const a1 = items.find((i: { agency: string }) => i.agency === 'ag-1');
    expect(a1).toMatchObject({ state: 'up', nameEn: 'Agency number 1', uptime24h: 100, tlsGrade: 'A', speedPct: 63 });
    expect(a1.uptime30d).toBeGreaterThan(99);
    expect(a1.scores).toEqual({ uptime: 1, speed: 0.25, tls: 0.5 });
    expect(items.find((i: { agency: string }) => i.agency === 'ag-7').state).toBe('degraded');
    // ag-11 was down for one hour three days ago: 24 h clean, 30 days 1 − 3600 / (30 · 86400)
    expect(items.find((i: { agency: string }) => i.agency === 'ag-11')).toMatchObject({ uptime24h: 100, uptime30d: 99.86 });
  });

  it('shows an agency key only its own agency, and 404 for another', async () => {
    const { items } = (await get('/api/v1/dashboard/overview', 'agency')).json();
    expect(items.map((i: { agency: string }) => i.agency)).toEqual(['ag-3']);
    expect((await get('/api/v1/dashboard/agencies/ag-3', 'agency')).statusCode).toBe(200);
    expect((await get('/api/v1/dashboard/agencies/ag-4', 'agency')).statusCode).toBe(404);
    expect((await app.inject('/api/v1/dashboard/overview')).statusCode).toBe(401);
  });

  it('gives the agency page its 90-day cells, hourly p50/p95, TLS caps and speed advice', async () => {
    const page = (await get('/api/v1/dashboard/agencies/ag-2')).json();
    const target = page.targets[0];
    expect(target.days).toHaveLength(90);
    expect(target.responseTimes.length).toBeGreaterThanOrEqual(47);
    expect(target.responseTimes[0].p95Ms).toBeGreaterThan(target.responseTimes[0].p50Ms);
    expect(target.tls.findings[0]).toMatchObject({ id: 'cap-b-legacy-protocols', cap: 'B' });
    expect(target.speed.advice[0].auditId).toBe('render-blocking-resources');
  });

  it('lets operators acknowledge incidents and open maintenance windows; agency keys may not', async () => {
    const { items } = (await get('/api/v1/dashboard/overview')).json();
    const targetId = items.find((i: { agency: string }) => i.agency === 'ag-5').targetId;
    const { id } = await openIncident(t.db, targetId, 'outage', new Date(NOW));
    const ack = (who: string) => app.inject({ method: 'POST', url: `/api/v1/dashboard/incidents/${id}/ack`, headers: { authorization: `Bearer ${keys[who]}` } });
    expect((await ack('agency')).statusCode).toBe(403);
    expect((await ack('operator')).json()).toEqual({ acknowledged: true });
    expect((await ack('operator')).statusCode).toBe(404);
    const body = { agency: 'ag-5', startsAt: '2026-11-22T00:00:00Z', endsAt: '2026-11-22T02:00:00Z', reason: 'upgrade' };
    const res = await app.inject({ method: 'POST', url: '/api/v1/dashboard/maintenance', payload: body, headers: { authorization: `Bearer ${keys['operator']}` } });
    expect(res.statusCode).toBe(201);
    const page = (await get('/api/v1/dashboard/agencies/ag-5')).json();
    expect(page.maintenance).toHaveLength(1);
    expect(page.incidents[0].acknowledgedAt).not.toBeNull();
    const bad = await app.inject({ method: 'POST', url: '/api/v1/dashboard/maintenance', payload: { ...body, endsAt: body.startsAt }, headers: { authorization: `Bearer ${keys['operator']}` } });
    expect(bad.statusCode).toBe(400);
  });

  it('streams "ready" with the overview, then the rows that changed when a target goes down; an agency key only its own', async () => {
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const ctrl = new AbortController();
    const open = async (who: string) => {
      const res = await fetch(`${address}/api/v1/dashboard/stream`, { headers: { authorization: `Bearer ${keys[who]}` }, signal: ctrl.signal });
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      const s = { text: '', async until(re: RegExp) { while (!re.test(s.text)) { const { value, done } = await reader.read(); if (done) throw new Error('stream ended'); s.text += value; } } };
      return s;
    };
    const data = (text: string, event: string) => JSON.parse(new RegExp(`event: ${event}\ndata: (.*)\n`).exec(text)![1]!);
    const admin = await open('admin');
    const agency = await open('agency');
    await Promise.all([admin.until(/event: ready\ndata: .*\n\n/), agency.until(/event: ready\ndata: .*\n\n/)]);
    const ready = data(admin.text, 'ready');
    expect(ready.items).toHaveLength(31); // the whole overview, so the page needs no second request
    expect(data(agency.text, 'ready').items.map((i: { agency: string }) => i.agency)).toEqual(['ag-3']);
    const target = ready.items.find((i: { agency: string }) => i.agency === 'ag-9');
    expect(target.state).toBe('up');
    await seedOutage(t.db, target.targetId, NOW - 60_000);
    await admin.until(/event: update\ndata: .*\n\n/);
    expect(data(admin.text, 'update').items.map((i: { agency: string; state: string }) => [i.agency, i.state])).toEqual([['ag-9', 'down']]);
    const ag3 = ready.items.find((i: { agency: string }) => i.agency === 'ag-3');
    await seedOutage(t.db, ag3.targetId, NOW - 30_000);
    await agency.until(/event: update\ndata: .*\n\n/); // the agency hears of its own target, and of nothing before it
    expect(data(agency.text, 'update').items.map((i: { agency: string; state: string }) => [i.agency, i.state])).toEqual([['ag-3', 'down']]);
    ctrl.abort();
  });

  it('keeps sending changes to viewers who come back after the hub went idle', async () => {
    const hub = startLiveHub({ db: t.db, now: () => NOW, staleAfterMs: 600_000, pollMs: 10, lingerMs: 0, onError: (err) => { throw err; } });
    try {
      for (const agency of ['ag-12', 'ag-13', 'ag-14']) {
        const first = await hub.subscribe({ agencyId: null, send: () => undefined, end: () => undefined });
        first.unsubscribe(); // idle at once (no linger): the loop stops at its next tick
        let got: (items: OverviewItem[]) => void = () => undefined;
        const update = new Promise<OverviewItem[]>((resolve) => { got = resolve; });
        const again = await hub.subscribe({ agencyId: null, send: (items) => got(items), end: () => undefined });
        const target = again.snapshot.find((i) => i.agency === agency)!;
        await seedOutage(t.db, target.targetId!, NOW - 10_000);
        expect((await update).map((i) => [i.agency, i.state])).toEqual([[agency, 'down']]);
        again.unsubscribe();
      }
    } finally {
      hub.close();
    }
  });

  it('ends open streams when the app closes, so shutdown does not hang on them', async () => {
    const other = await buildApp({ db: t.db, logger: silentLogger, readiness: [], dashboard: { now: () => NOW, pollMs: 50 } });
    const address = await other.listen({ host: '127.0.0.1', port: 0 });
    const res = await fetch(`${address}/api/v1/dashboard/stream`, { headers: { authorization: `Bearer ${keys['admin']}` } });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('event: ready')) text += (await reader.read()).value ?? '';
    await other.close();
    for (;;) { const { done } = await reader.read(); if (done) break; }
  });

  it('serves a public status page and SVG badges without a key', async () => {
    const page = await app.inject('/status/ag-1');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('سازمان شماره 1');
    expect(page.body).toContain('Agency number 1');
    const uptime = await app.inject('/badges/ag-1/uptime.svg');
    expect(uptime.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(uptime.body).toMatch(/<svg[^>]*aria-label="uptime 30d: \d+\.\d\d%"/);
    expect((await app.inject('/badges/ag-4/tls.svg')).body).toContain('aria-label="TLS: C"'); // grades cycle A+, A, A-, B, C, F by target id
    expect((await app.inject('/badges/nope/tls.svg')).statusCode).toBe(404);
    expect((await app.inject('/badges/ag-1/other.svg')).statusCode).toBe(400);
  });

  it('manages alert subscriptions: validated, secrets hidden; an agency key reads its own and writes nothing', async () => {
    const post = (who: string, payload: object) => app.inject({ method: 'POST', url: '/api/v1/alerts/subscriptions', payload, headers: { authorization: `Bearer ${keys[who]}` } });
    const hook = { channel: 'webhook', url: 'https://hooks.example/x', secret: 'a-long-enough-secret' };
    const bad = await post('operator', { agency: 'ag-1', config: { ...hook, secret: 'short' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().detail).toMatch(/secret: a secret of at least 16/);
    expect((await post('operator', { agency: null, locale: 'en', config: hook })).statusCode).toBe(201);
    expect((await post('agency', { agency: 'ag-4', config: hook })).statusCode).toBe(403);
    expect((await post('agency', { config: { channel: 'bale', chatId: '12345' } })).statusCode).toBe(403);
    const own = await post('operator', { agency: 'ag-3', config: { channel: 'bale', chatId: '12345' } });
    expect(own.statusCode).toBe(201);
    const mine = (await get('/api/v1/alerts/subscriptions', 'agency')).json().items;
    expect(mine).toEqual([{ id: own.json().id, agency: 'ag-3', locale: 'fa', config: { channel: 'bale', chatId: '12345' } }]);
    const all = (await get('/api/v1/alerts/subscriptions', 'operator')).json().items;
    expect(all.map((x: { agency: string | null }) => x.agency)).toEqual([null, 'ag-3']);
    expect(all[0].config.secret).toBe('********');
    const del = (who: string, id: number) => app.inject({ method: 'DELETE', url: `/api/v1/alerts/subscriptions/${id}`, headers: { authorization: `Bearer ${keys[who]}` } });
    expect((await del('agency', own.json().id)).statusCode).toBe(403);
    expect((await del('operator', own.json().id)).statusCode).toBe(204);
    expect((await get('/api/v1/alerts/subscriptions', 'agency')).json().items).toEqual([]);
  });

  it('serves the front-end and chart.js as static files', async () => {
    const index = await app.inject('/dashboard/');
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('<script type="module" src="/dashboard/app.js">');
    expect(index.body).not.toContain('chart.umd.js'); // loaded by the agency page only
    expect((await app.inject('/dashboard/chart.umd.js')).body.length).toBeGreaterThan(100_000);
    expect((await app.inject('/dashboard/nope.js')).statusCode).toBe(404);
  });
});

describe('dashboard overview on PGlite', () => {
  it('computes the same rows on the embedded engine', async () => {
    const t = await pgliteDb();
    try {
      await migrate(t.db);
      await seedDashboard(t.db, 12, NOW, { days: 31, hours: 2 });
      const { items } = await buildOverview({ db: t.db, now: () => NOW, staleAfterMs: 600_000 }, null);
      expect(items).toHaveLength(13);
      expect(items.find((i) => i.agency === 'ag-11')).toMatchObject({ state: 'up', uptime24h: 100, uptime30d: 99.86, tlsGrade: 'F' });
      expect(items.find((i) => i.agency === 'ag-7')?.state).toBe('degraded');
    } finally {
      await t.drop();
    }
  });
});
