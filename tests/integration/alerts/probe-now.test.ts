// "Probe now": an operator's request is recorded (agency keys may not make one), the scheduler side
// enqueues one job per kind at the request's own slot, the real TLS processor stores its scan there,
// and the progress endpoint follows it from waiting to running to done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../services/api/app.ts';
import { migrate } from '../../../db/migrate.ts';
import { issueApiKey } from '../../../services/api/auth/issue-key.ts';
import { drainProbeRequests } from '../../../services/dashboard/probe-requests.ts';
import { tlsProcessor } from '../../../workers/processors/tls.ts';
import { loadConfig } from '../../../config/env.ts';
import type { ProbeJob } from '../../../workers/job.ts';
import { pgSchema, type TestDb } from '../../helpers/databases.ts';
import { silentLogger } from '../../helpers/logger.ts';
import { prepareAlertDb } from './setup.ts';

describe('probe now', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let ids: Awaited<ReturnType<typeof prepareAlertDb>>;
  const keys: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, ...(payload ? { payload } : {}), headers: { authorization: `Bearer ${keys[who]}` } });
  beforeAll(async () => {
    t = await pgSchema();
    await migrate(t.db);
    ids = await prepareAlertDb(t.db);
    for (const [name, req] of [['operator', { role: 'operator' }], ['agency', { role: 'agency', agency: 'agency-a' }], ['other', { role: 'agency', agency: 'agency-b' }]] as const) {
      const r = await issueApiKey(t.db, req);
      if (!r.ok) throw new Error(r.reason);
      keys[name] = r.key;
    }
    app = await buildApp({ db: t.db, logger: silentLogger, readiness: [] });
  });
  afterAll(async () => { await app.close(); await t.drop(); });

  it('goes from waiting to running to done as the scheduler enqueues and the worker stores', async () => {
    expect((await call('agency', 'POST', `/api/v1/dashboard/targets/${ids.targetA}/probe`, {})).statusCode).toBe(403);
    expect((await call('operator', 'POST', `/api/v1/dashboard/targets/${ids.targetA}/probe`, { kinds: ['uptime'] })).statusCode).toBe(400);
    const res = await call('operator', 'POST', `/api/v1/dashboard/targets/${ids.targetA}/probe`, { kinds: ['tls'] });
    expect(res.statusCode).toBe(202);
    const progress = async (who = 'operator') => (await call(who, 'GET', `/api/v1/dashboard/probe-requests/${res.json().id}`)).json();
    expect(await progress()).toMatchObject({ state: 'waiting', progress: [{ kind: 'tls', done: false }] });

    const jobs: ProbeJob[] = [];
    expect(await drainProbeRequests(t.db, { enqueue: async (j) => { jobs.push(j); }, region: 'local', now: Date.now })).toBe(1);
    expect(await drainProbeRequests(t.db, { enqueue: async (j) => { jobs.push(j); }, region: 'local', now: Date.now })).toBe(0);
    expect(jobs).toEqual([expect.objectContaining({ kind: 'tls', targetId: ids.targetA, region: 'local', url: 'http://127.0.0.1:9/a' })]);
    expect((await progress()).state).toBe('running');

    const config = loadConfig({ ALLOW_PRIVATE_TARGETS: 'true' });
    await tlsProcessor({ db: t.db, config, logger: silentLogger, now: Date.now })(jobs[0]!, AbortSignal.timeout(30_000));
    const done = await progress('agency');
    expect(done).toMatchObject({ state: 'done', progress: [{ kind: 'tls', done: true }] });
    expect(['no_https', 'error']).toContain(done.progress[0].outcome); // nothing listens on port 9: a result, stored
    expect((await call('other', 'GET', `/api/v1/dashboard/probe-requests/${res.json().id}`)).statusCode).toBe(404);
  });
});
