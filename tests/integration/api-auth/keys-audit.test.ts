// Keys (hashed, shown once, revocable, last use recorded), the audit log, rate limiting, request
// size limits, problem+json naming the bad field, and the egress policy on target URLs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../../services/api/auth/api-key.ts';
import { buildApp } from '../../../services/api/app.ts';
import { silentLogger } from '../../helpers/logger.ts';
import { apiFixture, type ApiFixture } from './api-fixture.ts';

describe('API keys, audit log and limits', () => {
  let f: ApiFixture;
  beforeAll(async () => { f = await apiFixture(); });
  afterAll(async () => { await f.close(); });

  it('issues a key once, stores only its sha256, and records its last use', async () => {
    const res = await f.as('admin', { method: 'POST', url: '/api/v1/keys', payload: { role: 'agency', agency: 'aeoi', label: 'aeoi portal team' } });
    expect(res.statusCode).toBe(201);
    const { key, id, agency, role } = res.json();
    expect({ agency, role }).toEqual({ agency: 'aeoi', role: 'agency' });
    const stored = await f.t.db.query<Record<string, unknown>>('SELECT * FROM api_keys WHERE id = $1', [id]);
    expect(JSON.stringify(stored)).not.toContain(key);
    expect(stored[0]!['key_hash']).toBe(hashApiKey(key));
    expect(stored[0]!['last_used_at']).toBeNull();
    const me = await f.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${key}` } });
    expect(me.json()).toEqual({ keyId: id, role: 'agency', agency: 'aeoi' });
    const [used] = await f.t.db.query<{ last_used_at: Date | null }>('SELECT last_used_at FROM api_keys WHERE id = $1', [id]);
    expect(used!.last_used_at).toBeInstanceOf(Date);
    const listed = (await f.as('admin', { url: '/api/v1/keys' })).json().items.find((k: { id: number }) => k.id === id);
    expect(listed).not.toHaveProperty('key');
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it('a revoked key, an unknown key and a malformed header are 401 problem+json', async () => {
    const created = (await f.as('admin', { method: 'POST', url: '/api/v1/keys', payload: { role: 'operator' } })).json();
    const call = (authorization: string) => f.app.inject({ url: '/api/v1/me', headers: { authorization } });
    expect((await call(`Bearer ${created.key}`)).statusCode).toBe(200);
    expect((await f.as('admin', { method: 'DELETE', url: `/api/v1/keys/${created.id}` })).json().revokedAt).not.toBeNull();
    const revoked = await call(`Bearer ${created.key}`);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(revoked.headers['www-authenticate']).toBe('Bearer');
    expect((await call('Bearer snj_thisKeyDoesNotExist000000')).statusCode).toBe(401);
    expect((await call(`Basic ${Buffer.from('a:b').toString('base64')}`)).statusCode).toBe(401);
    expect((await f.as('admin', { method: 'DELETE', url: `/api/v1/keys/${created.id}` })).statusCode).toBe(404);
  });

  it('refuses an agency key without an agency, naming the field', async () => {
    const res = await f.as('admin', { method: 'POST', url: '/api/v1/keys', payload: { role: 'agency' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toBe('body/agency an agency key needs an agency slug');
    const bad = await f.as('admin', { method: 'POST', url: '/api/v1/keys', payload: { role: 'root' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/^body\/role must be equal to one of the allowed values/);
  });

  it('writes every change to the audit log with key, time, action and resource; reads are not logged', async () => {
    const before = (await f.as('admin', { url: '/api/v1/audit?limit=1000' })).json().items.length;
    await f.as('operator', { url: `/api/v1/targets/${f.own.target.id}` });
    const res = await f.as('operator', { method: 'POST', url: `/api/v1/targets/${f.own.target.id}/pause` });
    expect(res.json().paused).toBe(true);
    await f.as('operator', { method: 'POST', url: `/api/v1/targets/${f.own.target.id}/resume` });
    await f.as('agency', { method: 'POST', url: `/api/v1/targets/${f.own.target.id}/pause` }); // 403: no change, no entry
    const items = (await f.as('admin', { url: '/api/v1/audit?limit=1000' })).json().items;
    expect(items.length - before).toBe(2);
    const operatorKeyId = (await f.as('operator', { url: '/api/v1/me' })).json().keyId;
    expect(items[1]).toMatchObject({ keyId: operatorKeyId, action: 'POST /api/v1/targets/:id/pause', resource: `/api/v1/targets/${f.own.target.id}/pause`, status: 200 });
    expect(items[0].action).toBe('POST /api/v1/targets/:id/resume');
    expect(Date.now() - Date.parse(items[0].at)).toBeLessThan(60_000);
  });

  it('refuses a loopback target URL when private targets are not allowed, and bad URLs by field', async () => {
    const strict = await buildApp({ db: f.t.db, logger: silentLogger, readiness: [], allowPrivateTargets: false });
    try {
      const post = (url: string) => strict.inject({ method: 'POST', url: `/api/v1/agencies/${f.own.slug}/targets`,
        headers: { authorization: `Bearer ${f.keys.operator}` }, payload: { url } });
      const loop = await post('http://127.0.0.1:8080/');
      expect(loop.statusCode).toBe(422);
      expect(loop.json().detail).toMatch(/^body\/url refused to connect to 127\.0\.0\.1: loopback address/);
      expect((await post('http://[::1]/')).statusCode).toBe(422);
      expect((await post('http://169.254.169.254/latest')).json().detail).toMatch(/metadata address/);
      expect((await post('ftp://files.example/')).json().detail).toBe('body/url unsupported scheme "ftp" (only http and https)');
      const ok = await post('https://93.184.216.34/service');
      expect(ok.statusCode).toBe(201);
      expect((await post('https://93.184.216.34/service')).statusCode).toBe(409);
    } finally {
      await strict.close();
    }
  });

  it('limits requests per key (429) without touching other keys', async () => {
    const limited = await buildApp({ db: f.t.db, logger: silentLogger, readiness: [], rateLimitPerMinute: 3 });
    try {
      const call = (role: 'admin' | 'assessor') => limited.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${f.keys[role]}` } });
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await call('admin')).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
      expect((await call('assessor')).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await f.as('admin', { method: 'POST', url: '/api/v1/rule-sets', headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ pad: 'x'.repeat(1_100_000) }) });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
