// Probe results per target and kind (time range, cursor pages), uptime and outages for a window,
// incidents; agency keys limited to their own agency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePartition } from '../../../db/store/checks.ts';
import { openIncident } from '../../../db/store/incidents.ts';
import { apiFixture, type ApiFixture } from '../api-auth/api-fixture.ts';

const T0 = Date.parse('2025-01-01T00:00:00Z');
const MIN = 60_000;

describe('results, uptime, outages and incidents API', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture();
    const id = f.own.target.id;
    for (let i = 0; i < 5; i++) {
      await f.t.db.query(`INSERT INTO tls_scans (target_id, region, slot_at, scanned_at, outcome, grade, duration_ms, evidence)
        VALUES ($1, 'local', $2, $2, 'graded', $3, 900, '{}')`, [id, new Date(T0 + i * 86_400_000), ['A', 'B', 'A', 'C', 'A+'][i]]);
    }
    await ensurePartition(f.t.db, T0);
    for (let i = 0; i < 7; i++) {
      for (const region of ['local', 'tehran']) {
        await f.t.db.query(`INSERT INTO checks (target_id, region, slot_at, attempt, checked_at, outcome, status)
          VALUES ($1, $2, $3, 0, $3, $4, $5)`, [id, region, new Date(T0 + i * MIN), i === 3 ? 'down' : 'up', i === 3 ? 503 : 200]);
      }
    }
    await openIncident(f.t.db, f.own.target.id, 'outage', new Date(T0));
    await openIncident(f.t.db, f.other.target.id, 'outage', new Date(T0));
  });
  afterAll(async () => { await f.close(); });

  const win = 'from=2025-01-01T00:00:00Z&to=2025-01-08T00:00:00Z';

  it('pages TLS scans by cursor, in time order, within the range', async () => {
    const seen: string[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const res = await f.as('assessor', { url: `/api/v1/targets/${f.own.target.id}/results/tls?${win}&limit=2${next ? `&cursor=${next}` : ''}` });
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items.map((i: { result: { grade: string } }) => i.result.grade));
      next = res.json().next;
      pages++;
    } while (next);
    expect(seen).toEqual(['A', 'B', 'A', 'C', 'A+']);
    expect(pages).toBe(3);
    const narrow = await f.as('assessor', { url: `/api/v1/targets/${f.own.target.id}/results/tls?from=2025-01-02T00:00:00Z&to=2025-01-04T00:00:00Z` });
    expect(narrow.json().items.map((i: { at: string }) => i.at)).toEqual(['2025-01-02T00:00:00.000Z', '2025-01-03T00:00:00.000Z']);
  });

  it('pages uptime checks sharing a time by region, without loss or repeats', async () => {
    const all = [];
    let next: string | null = null;
    do {
      const res = await f.as('agency', { url: `/api/v1/targets/${f.own.target.id}/results/uptime?${win}&limit=3${next ? `&cursor=${next}` : ''}` });
      all.push(...res.json().items);
      next = res.json().next;
    } while (next);
    expect(all).toHaveLength(14);
    expect(all.filter((i) => i.result.outcome === 'down').map((i) => [i.result.region, i.result.status])).toEqual([['local', 503], ['tehran', 503]]);
    expect(new Set(all.map((i) => `${i.at}/${i.result.region}`)).size).toBe(14);
  });

  it('refuses a forged cursor and a bad kind by field', async () => {
    const forged = await f.as('admin', { url: `/api/v1/targets/${f.own.target.id}/results/tls?${win}&cursor=bm90LWpzb24` });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().detail).toBe('querystring/cursor is not a cursor this API issued');
    expect((await f.as('admin', { url: `/api/v1/targets/${f.own.target.id}/results/ping?${win}` })).json().detail).toMatch(/^params\/kind must be equal to one of the allowed values/);
    expect((await f.as('admin', { url: `/api/v1/targets/${f.own.target.id}/results/tls?from=yesterday&to=2025-01-08T00:00:00Z` })).json().detail).toMatch(/^querystring\/from must match format "date-time"/);
  });

  it('answers uptime and outages for a window from the availability evidence', async () => {
    const u = (await f.as('agency', { url: `/api/v1/targets/${f.own.target.id}/uptime?from=2025-01-01T00:00:00Z&to=2025-01-31T00:00:00Z` })).json();
    expect(u).toMatchObject({ targetId: f.own.target.id, observedS: expect.any(Number), downtimeS: expect.any(Number) });
    expect(u.uptimePct).toBe(Math.round((1 - u.downtimeS / u.observedS) * 1e6) / 1e4);
    const o = (await f.as('agency', { url: `/api/v1/targets/${f.own.target.id}/outages?from=2025-01-01T00:00:00Z&to=2025-01-31T00:00:00Z` })).json();
    expect(Array.isArray(o.outages) && Array.isArray(o.unobserved)).toBe(true);
    const reversed = await f.as('agency', { url: `/api/v1/targets/${f.own.target.id}/uptime?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z` });
    expect(reversed.json().detail).toBe('querystring/to must be after querystring/from');
  });

  it('lists incidents; an agency key sees only its own, and another agency is 404', async () => {
    const all = (await f.as('operator', { url: '/api/v1/incidents' })).json().items;
    expect(all.map((i: { targetId: number }) => i.targetId).sort()).toEqual([f.own.target.id, f.other.target.id].sort());
    const own = (await f.as('agency', { url: '/api/v1/incidents' })).json().items;
    expect(own.map((i: { targetId: number }) => i.targetId)).toEqual([f.own.target.id]);
    expect((await f.as('agency', { url: `/api/v1/incidents?agency=${f.other.slug}` })).statusCode).toBe(404);
    expect((await f.as('operator', { url: `/api/v1/incidents?agency=${f.other.slug}` })).json().items).toHaveLength(1);
  });
});
