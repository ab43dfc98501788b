import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { once } from 'node:events';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../services/api/app.ts';
import { migrate } from '../../../db/migrate.ts';
import { seedAgenciesIfEmpty } from '../../../services/registry/import-agencies.ts';
import { redisReadiness } from '../../../services/runtime/redis-readiness.ts';
import { dbReadiness } from '../../../services/runtime/components.ts';
import { pgSchema, type TestDb } from '../../helpers/databases.ts';
import { silentLogger } from '../../helpers/logger.ts';

async function closedPort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as { port: number }).port;
  s.close();
  await once(s, 'close');
  return port;
}

describe('health and agencies API', () => {
  let t: TestDb;
  let app: FastifyInstance;
  const redis = redisReadiness('redis://127.0.0.1:6379');
  beforeAll(async () => {
    t = await pgSchema();
    await migrate(t.db);
    await seedAgenciesIfEmpty(t.db, 'config/agencies.csv');
    app = await buildApp({ db: t.db, logger: silentLogger, readiness: [dbReadiness(t.db), redis] });
  });
  afterAll(async () => { await app.close(); redis.close(); await t.drop(); });

  it('GET /healthz answers while the process lives', async () => {
    const res = await app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz is 200 when database and Redis answer', async () => {
    const res = await app.inject('/readyz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok' } });
  });

  it('GET /readyz is 503 naming Redis when Redis is unreachable', async () => {
    const dead = redisReadiness(`redis://127.0.0.1:${await closedPort()}`);
    const other = await buildApp({ db: t.db, logger: silentLogger, readiness: [dbReadiness(t.db), dead] });
    try {
      const res = await other.inject('/readyz');
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 503, detail: 'not ready: redis unreachable', checks: { database: 'ok' } });
      expect(res.json().checks.redis).toMatch(/^error: /);
    } finally {
      await other.close();
      dead.close();
    }
  });

  it('GET /readyz is 503 naming the database when it is closed', async () => {
    const broken = { name: 'database', check: async () => { throw new Error('connection refused'); } };
    const other = await buildApp({ db: t.db, logger: silentLogger, readiness: [broken] });
    const res = await other.inject('/readyz');
    await other.close();
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ detail: 'not ready: database unreachable', checks: { database: 'error: connection refused' } });
  });

  it('lists all 158 agencies with names and portal URLs, and pages by slug', async () => {
    const all = (await app.inject('/api/v1/agencies')).json();
    expect(all.items).toHaveLength(158);
    expect(all.next).toBeNull();
    expect(all.items.find((a: { slug: string }) => a.slug === 'central-bank'))
      .toEqual({ slug: 'central-bank', nameFa: 'بانک مرکزی جمهوری اسلامی ایران', nameEn: 'Central Bank of the Islamic Republic of Iran', portalUrl: 'http://www.cbi.ir/', hasPortal: true });
    const p1 = (await app.inject('/api/v1/agencies?limit=100')).json();
    const p2 = (await app.inject(`/api/v1/agencies?limit=100&after=${p1.next}`)).json();
    expect(p1.items).toHaveLength(100);
    expect(p2.items).toHaveLength(58);
    expect([...p1.items, ...p2.items].map((a: { slug: string }) => a.slug)).toEqual(all.items.map((a: { slug: string }) => a.slug));
  });

  it('shows one agency, and 404 problem+json for an unknown one', async () => {
    expect((await app.inject('/api/v1/agencies/central-bank')).json()).toMatchObject({ slug: 'central-bank', hasPortal: true });
    const res = await app.inject('/api/v1/agencies/no-such-agency');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 404, detail: 'unknown agency "no-such-agency"' });
  });

  it('names the bad field of a bad request', async () => {
    const res = await app.inject('/api/v1/agencies?limit=5000');
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('querystring/limit must be <= 1000');
    expect((await app.inject('/api/v1/agencies/Not_A_Slug')).json().detail).toMatch(/^params\/slug must match pattern/);
  });
});
