// The worker's rules on BullMQ over the real Redis, storing into a real Postgres table with a unique
// slot key: late slots are skipped (a gap, counted), our own failures are retried with backoff until
// stored once, a retry past the lateness budget is dropped, and a stalled job is recovered by another
// worker, or failed, never re-run, once it stalls past the limit.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { Queue, Worker } from 'bullmq';
import { Registry } from 'prom-client';
import { bullmqQueue, type BullQueueOptions } from '../../../workers/queue-bullmq.ts';
import { createQueueMetrics, type QueueMetrics } from '../../../workers/queue-metrics.ts';
import { startWorker, type Processor } from '../../../workers/run-worker.ts';
import { jobId, queueName, type ProbeJob } from '../../../workers/job.ts';
import { pgSchema, type TestDb } from '../../helpers/databases.ts';
import { silentLogger } from '../../helpers/logger.ts';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const redis = new Redis(REDIS_URL);
let pg: TestDb;
const closers: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  pg = await pgSchema();
  await pg.db.exec(`CREATE TABLE slot_checks (target_id bigint, region text, slot_at timestamptz, UNIQUE (target_id, region, slot_at));
    CREATE TABLE slot_runs (target_id bigint, slot_at timestamptz)`);
});
afterEach(async () => { for (const c of closers.splice(0).reverse()) await c(); });
afterAll(async () => {
  await pg.drop();
  const keys = await redis.keys('tw-*');
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

/** A processor as the real ones: logs the run, stores idempotently; throws when told to. */
function storing(failFirst = 0): Processor & { runs: () => number } {
  let runs = 0;
  const p = async (job: ProbeJob) => {
    runs++;
    await pg.db.query('INSERT INTO slot_runs VALUES ($1, to_timestamp($2 / 1000.0))', [job.targetId, job.slotMs]);
    if (runs <= failFirst) throw new Error('database unreachable');
    await pg.db.query(`INSERT INTO slot_checks VALUES ($1, $2, to_timestamp($3 / 1000.0)) ON CONFLICT DO NOTHING`, [job.targetId, job.region, job.slotMs]);
  };
  return Object.assign(p, { runs: () => runs });
}

async function stored(targetId: number): Promise<number> {
  const [r] = await pg.db.query<{ n: number }>('SELECT count(*)::int AS n FROM slot_checks WHERE target_id = $1', [targetId]);
  return r!.n;
}

function setup(opts: Partial<BullQueueOptions> & { maxLatenessMs: number }, processor: Processor, events: { failed?: string[]; stalled?: string[] } = {}) {
  const prefix = `tw-${randomBytes(4).toString('hex')}`;
  const name = queueName('uptime', 'local');
  const registry = new Registry();
  const metrics = createQueueMetrics(registry);
  const queue = bullmqQueue<ProbeJob>(name, { redisUrl: REDIS_URL, prefix, backoffMs: 50, ...opts,
    onFailed: (id) => events.failed?.push(String(id)), onStalled: (id) => events.stalled?.push(id) });
  const worker = startWorker({ queues: { uptime: queue }, processors: { uptime: processor }, concurrency: { uptime: 4 },
    logger: silentLogger, maxLatenessMs: { uptime: opts.maxLatenessMs }, metrics });
  closers.push(() => worker.close());
  return { prefix, name, queue, metrics };
}

const value = async (m: QueueMetrics, key: 'errors' | 'skippedLate' | 'failed' | 'stalled') => (await m[key].get()).values[0]?.value ?? 0;

async function until(cond: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const job = (targetId: number, slotMs: number): ProbeJob => ({ kind: 'uptime', targetId, url: 'http://127.0.0.1:9/', region: 'local', slotMs });

describe('worker lateness and retries', () => {
  it('stores an on-time job once and skips a late one as a gap, counting it', async () => {
    const p = storing();
    const { queue, metrics } = setup({ maxLatenessMs: 60_000 }, p);
    const onTime = job(101, Date.now() - 1000);
    const late = job(102, Date.now() - 120_000);
    await queue.add(jobId(late), late);
    await queue.add(jobId(onTime), onTime);
    await until(async () => (await stored(101)) === 1 && (await value(metrics, 'skippedLate')) === 1);
    expect(await stored(102)).toBe(0);
    expect(p.runs()).toBe(1); // the late job never reached the processor
    const latency = (await metrics.latency.get()).values.find((v) => v.metricName === 'sanjeh_job_latency_seconds_count');
    expect(latency?.value).toBe(1);
  });

  it('retries our own failure with backoff until the result is stored, exactly once', async () => {
    const p = storing(2);
    const { queue, metrics } = setup({ maxLatenessMs: 60_000 }, p);
    const j = job(201, Date.now());
    await queue.add(jobId(j), j);
    await until(async () => (await stored(201)) === 1);
    expect(p.runs()).toBe(3);
    expect(await value(metrics, 'errors')).toBe(2);
    await queue.add(jobId(j), j); // the same slot again (a restarted scheduler): no second run
    expect(await stored(201)).toBe(1);
  });

  it('drops a retry that would start past the lateness budget instead of running it late', async () => {
    const p = storing(100);
    const failed: string[] = [];
    const { queue, metrics } = setup({ maxLatenessMs: 500, backoffMs: 200, attempts: 6 }, p, { failed });
    const j = job(301, Date.now());
    await queue.add(jobId(j), j);
    await until(async () => (await value(metrics, 'skippedLate')) === 1);
    expect(await stored(301)).toBe(0);
    expect(p.runs()).toBeLessThan(6);
    expect(failed).toEqual([]); // a gap, not a failure
  });
});

describe('stalled jobs', () => {
  /** A worker that takes the job and dies holding it (force-closed: no more lock renewals). */
  async function dieHolding(prefix: string, name: string): Promise<void> {
    let took!: () => void;
    const taken = new Promise<void>((r) => { took = r; });
    const w = new Worker(name, () => { took(); return new Promise(() => {}); },
      { connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }), prefix, lockDuration: 400, stalledInterval: 200 });
    w.on('error', () => {});
    await taken;
    await w.close(true);
  }

  it('a job whose worker died is picked up by another worker and stored once', async () => {
    const prefix = `tw-${randomBytes(4).toString('hex')}`;
    const name = queueName('uptime', 'local');
    const producer = new Queue(name, { connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }), prefix });
    closers.push(() => producer.close());
    const j = job(401, Date.now());
    await producer.add('probe', j, { jobId: jobId(j), attempts: 3 });
    await dieHolding(prefix, name);
    const stalled: string[] = [];
    const p = storing();
    setup({ maxLatenessMs: 60_000, prefix, lockDurationMs: 400, stalledIntervalMs: 200, maxStalledCount: 1 }, p, { stalled });
    await until(async () => (await stored(401)) === 1);
    expect(stalled).toEqual([jobId(j)]);
    expect(p.runs()).toBe(1);
  });

  it('a job stalled past the limit is failed, not re-run', async () => {
    const prefix = `tw-${randomBytes(4).toString('hex')}`;
    const name = queueName('uptime', 'local');
    const producer = new Queue(name, { connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }), prefix });
    closers.push(() => producer.close());
    const j = job(501, Date.now());
    await producer.add('probe', j, { jobId: jobId(j), attempts: 3 });
    await dieHolding(prefix, name);
    const failed: string[] = [];
    const p = storing();
    setup({ maxLatenessMs: 60_000, prefix, lockDurationMs: 400, stalledIntervalMs: 200, maxStalledCount: 0 }, p, { failed });
    await until(async () => failed.length === 1);
    expect(failed).toEqual([jobId(j)]);
    expect(await producer.getJobState(jobId(j))).toBe('failed');
    expect(p.runs()).toBe(0);
    expect(await stored(501)).toBe(0);
  });
});
