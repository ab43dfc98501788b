// Periods, rule sets, scores, rankings and exports through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheet } from 'read-excel-file/node';
import { period6 } from '../../../config/rulesets/period-6.ts';
import { apiFixture, type ApiFixture } from '../api-auth/api-fixture.ts';

describe('periods, scores and exports API', () => {
  let f: ApiFixture;
  beforeAll(async () => { f = await apiFixture(); });
  afterAll(async () => { await f.close(); });

  const post = (url: string, payload: object) => f.as('assessor', { method: 'POST', url, payload });
  const period = { nameFa: 'دوره سیزدهم', nameEn: 'period 13' };

  it('accepts a period in the Jalali calendar (Persian digits too) and shows it in both calendars', async () => {
    const res = await post('/api/v1/periods', { ...period, slug: 'period-13', calendar: 'jalali', firstDay: '۱۴۰۳/۰۷/۰۱', lastDay: '1403-12-30' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      slug: 'period-13', name: { fa: 'دوره سیزدهم', en: 'period 13' }, ruleSet: { id: 'period-6', version: 1 }, closed: false,
      startsAt: '2024-09-21T20:30:00.000Z', endsAt: '2025-03-20T20:30:00.000Z', // Tehran midnight, UTC+03:30
      firstDay: { fa: '۱ مهر ۱۴۰۳', en: '22 September 2024', jalali: '1403-07-01', gregorian: '2024-09-22' },
      lastDay: { fa: '۳۰ اسفند ۱۴۰۳', en: '20 March 2025', jalali: '1403-12-30', gregorian: '2025-03-20' },
    });
    const greg = await post('/api/v1/periods', { ...period, slug: 'period-13-g', calendar: 'gregorian', firstDay: '2024-09-22', lastDay: '2025-03-20' });
    expect({ s: greg.json().startsAt, e: greg.json().endsAt }).toEqual({ s: '2024-09-21T20:30:00.000Z', e: '2025-03-20T20:30:00.000Z' });
  });

  it('names the bad field of a bad period', async () => {
    const bad = async (body: object) => (await post('/api/v1/periods', { ...period, slug: 'bad', calendar: 'jalali', firstDay: '1403-07-01', lastDay: '1403-12-30', ...body })).json();
    expect((await bad({ lastDay: '1404-12-30' })).detail).toBe('body/lastDay "1404-12-30" is not a Jalali date'); // 1404 is not leap
    expect((await bad({ firstDay: '1403-13-01' })).detail).toBe('body/firstDay "1403-13-01" is not a Jalali date');
    expect((await bad({ lastDay: '1403-06-01' })).detail).toBe('body/lastDay the last day comes before the first day');
    expect((await bad({ calendar: 'hijri' })).detail).toMatch(/^body\/calendar must be equal to one of the allowed values/);
    expect((await bad({ ruleSet: { id: 'period-99' } })).detail).toBe('body/ruleSet no rule set period-99');
    expect((await bad({ slug: 'period-13' })).status).toBe(409);
  });

  it('refuses to close a period before it ends, and to close one twice', async () => {
    const early = await f.as('assessor', { method: 'POST', url: `/api/v1/periods/${f.open.slug}/close` });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/has not ended yet/);
    expect((await f.as('assessor', { method: 'POST', url: `/api/v1/periods/${f.closed.slug}/close` })).statusCode).toBe(409);
  });

  it('adds rule sets as new versions; editing a used one is 409, an incomplete one is 422 naming the field', async () => {
    const used = await post('/api/v1/rule-sets', { ...period6, tls: { ...period6.tls, noHttps: 0.1 } });
    expect(used.statusCode).toBe(409);
    expect(used.json().detail).toBe('rule set period-6 version 1 is used by a period and cannot be changed; add version 2 instead');
    const { speed: _omitted, ...incomplete } = period6;
    const missing = await post('/api/v1/rule-sets', { ...incomplete, version: 2 });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().detail).toMatch(/speed: /);
    const added = await post('/api/v1/rule-sets', { ...period6, version: 2, agency: { aggregate: 'mean_of_targets' } });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ id: 'period-6', version: 2, usedByPeriods: 0 });
    expect((await f.as('agency', { url: '/api/v1/rule-sets/period-6/2' })).json().body.agency).toEqual({ aggregate: 'mean_of_targets' });
  });

  it('scores an agency with its targets, evidence and links, and ranks agencies by total', async () => {
    const one = (await f.as('agency', { url: `/api/v1/periods/${f.closed.slug}/scores/central-bank` })).json();
    expect(Object.keys(one.indicators).sort()).toEqual(['speed', 'tls', 'uptime']);
    expect(one.targets.map((t: { kind: string }) => t.kind).sort()).toEqual(['portal', 'service']);
    const portal = one.targets.find((t: { kind: string }) => t.kind === 'portal');
    expect(one.indicators.uptime.score).toBe(portal.indicators.uptime.score); // period 6: portal only
    expect(portal.indicators.uptime.evidence.window).toEqual({ from: '2025-02-18T20:30:00.000Z', to: '2025-03-20T20:30:00.000Z' });
    expect(portal.indicators.uptime.raw).toHaveProperty('unobservedS');
    expect(portal.indicators.tls.evidence).toHaveProperty('scanId');
    expect(portal.indicators.speed.evidence.runIds).toHaveLength(4);
    expect(portal.indicators.tls.band).toHaveProperty('fa');
    expect(portal.indicators.uptime.links.outages).toBe(`/api/v1/targets/${portal.id}/outages?from=2025-02-18T20:30:00.000Z&to=2025-03-20T20:30:00.000Z`);
    const scans = await f.as('agency', { url: portal.indicators.tls.links.scans });
    expect(scans.statusCode).toBe(200);
    expect((await f.as('agency', { url: portal.indicators.speed.links.runs })).statusCode).toBe(200);
    const ranking = (await f.as('operator', { url: `/api/v1/periods/${f.closed.slug}/rankings` })).json();
    expect(ranking.items).toHaveLength(158);
    const totals = ranking.items.map((i: { total: number }) => i.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(ranking.items[0].rank).toBe(1);
    for (const [i, item] of ranking.items.entries()) {
      const prev = ranking.items[i - 1];
      expect(item.rank).toBe(prev && prev.total === item.total ? prev.rank : i + 1);
    }
  });

  it('exports CSV with a BOM and Persian names, and an XLSX that reads back the same', async () => {
    const csv = await f.as('assessor', { url: `/api/v1/periods/${f.closed.slug}/export.csv` });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(159);
    expect(lines[0]).toBe('rank,slug,name_fa,name_en,uptime_pct,uptime_unobserved_s,uptime_score,speed_pct,speed_score,tls_grade,tls_score,total,band_fa,band_en');
    const cb = lines.find((l) => l.includes(',central-bank,'))!;
    expect(cb).toContain(',بانک مرکزی جمهوری اسلامی ایران,');
    const xlsx = await f.as('assessor', { url: `/api/v1/periods/${f.closed.slug}/export.xlsx` });
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await readSheet(xlsx.rawPayload);
    expect(sheet).toHaveLength(159);
    const row = sheet.find((r) => r[1] === 'central-bank')!;
    expect(row[2]).toBe('بانک مرکزی جمهوری اسلامی ایران');
    const csvCells = cb.split(',');
    expect(row.map((v) => (v === null ? '' : String(v)))).toEqual(csvCells);
  });

  it('serves the OpenAPI 3 document with every /api/v1 route', async () => {
    const doc = (await f.app.inject('/docs/json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    const paths = Object.keys(doc.paths);
    for (const r of f.app.routeTable.filter((x) => x.url.startsWith('/api/v1'))) {
      expect(paths).toContain(r.url.replace(/:([a-z]+)/g, '{$1}'));
    }
    const ui = await f.app.inject('/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/^text\/html/);
  });
});
