// Agencies added and edited through the API: the portal target follows the portal URL (a changed
// URL retires the old target, kept as evidence), URL checks and the egress policy apply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../services/api/app.ts';
import { silentLogger } from '../../helpers/logger.ts';
import { apiFixture, type ApiFixture } from './api-fixture.ts';

describe('agency administration', () => {
  let f: ApiFixture;
  beforeAll(async () => { f = await apiFixture(); });
  afterAll(async () => { await f.close(); });

  const targets = async (slug: string) => (await f.as('operator', { url: `/api/v1/agencies/${slug}/targets?retired=true` })).json().items;

  it('adds an agency with its portal target, then replaces the portal when its URL changes', async () => {
    const created = await f.as('operator', { method: 'POST', url: '/api/v1/agencies',
      payload: { slug: 'new-ministry', nameFa: 'وزارت تازه', nameEn: 'New Ministry', portalUrl: 'https://ministry.example/' } });
    expect(created.statusCode).toBe(201);
    expect((await f.app.inject('/api/v1/agencies/new-ministry')).json()).toEqual({ slug: 'new-ministry', nameFa: 'وزارت تازه', nameEn: 'New Ministry', portalUrl: 'https://ministry.example/', hasPortal: true });
    expect((await targets('new-ministry')).map((t: { url: string; kind: string }) => [t.kind, t.url])).toEqual([['portal', 'https://ministry.example/']]);
    const moved = await f.as('admin', { method: 'PATCH', url: '/api/v1/agencies/new-ministry', payload: { portalUrl: 'https://portal.ministry.example/' } });
    expect(moved.json().portalUrl).toBe('https://portal.ministry.example/');
    expect((await targets('new-ministry')).map((t: { url: string; retired: boolean }) => [t.url, t.retired]))
      .toEqual([['https://portal.ministry.example/', false], ['https://ministry.example/', true]]);
    const renamed = await f.as('operator', { method: 'PATCH', url: '/api/v1/agencies/new-ministry', payload: { nameEn: 'Ministry of New Things' } });
    expect(renamed.json()).toMatchObject({ nameEn: 'Ministry of New Things', nameFa: 'وزارت تازه', portalUrl: 'https://portal.ministry.example/' });
    expect(await targets('new-ministry')).toHaveLength(2);
  });

  it('refuses a duplicate slug (409), a bad URL and a private address (422 naming the field)', async () => {
    expect((await f.as('operator', { method: 'POST', url: '/api/v1/agencies', payload: { slug: 'central-bank', nameFa: 'x', nameEn: 'x' } })).statusCode).toBe(409);
    const bad = await f.as('operator', { method: 'PATCH', url: '/api/v1/agencies/central-bank', payload: { portalUrl: 'gopher://cbi.ir/' } });
    expect(bad.json().detail).toBe('body/portalUrl unsupported scheme "gopher" (only http and https)');
    const strict = await buildApp({ db: f.t.db, logger: silentLogger, readiness: [], allowPrivateTargets: false });
    try {
      const res = await strict.inject({ method: 'PATCH', url: '/api/v1/agencies/central-bank', headers: { authorization: `Bearer ${f.keys.admin}` },
        payload: { portalUrl: 'http://10.1.2.3/' } });
      expect(res.statusCode).toBe(422);
      expect(res.json().detail).toMatch(/^body\/portalUrl refused to connect to 10\.1\.2\.3: private address/);
    } finally {
      await strict.close();
    }
    expect((await f.app.inject('/api/v1/agencies/central-bank')).json().portalUrl).toBe('http://www.cbi.ir/');
  });
});
