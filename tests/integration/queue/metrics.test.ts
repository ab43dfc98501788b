// The queue metrics in the Prometheus text format, through the API route and the bare endpoint of
// scheduler and worker processes, each on its own registry (never the global default one).
import { afterAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { Registry, register as globalRegistry } from 'prom-client';
import { metricsRoutes } from '../../../services/api/routes/metrics.ts';
import { createQueueMetrics, registerQueueDepth } from '../../../workers/queue-metrics.ts';
import { serveMetrics } from '../../../workers/queue-metrics-server.ts';
import { memoryQueue } from '../../../workers/queue-memory.ts';
import { startWorker } from '../../../workers/run-worker.ts';
import type { ProbeJob } from '../../../workers/job.ts';
import { silentLogger } from '../../helpers/logger.ts';

const job = (targetId: number, slotMs: number): ProbeJob => ({ kind: 'uptime', targetId, url: 'http://127.0.0.1:9/', region: 'teh', slotMs });

async function scenario() {
  const registry = new Registry();
  const metrics = createQueueMetrics(registry);
  const queue = memoryQueue<ProbeJob>({ name: 'probe-uptime-teh', retries: 2, retryDelayMs: 1 });
  const waiting = memoryQueue<ProbeJob>({ name: 'probe-tls-teh', retries: 0, retryDelayMs: 1 });
  registerQueueDepth(registry, [queue, waiting]);
  let release!: () => void;
  const held = new Promise<void>((r) => { release = r; });
  let aStored!: () => void;
  const aDone = new Promise<void>((r) => { aStored = r; });
  let bStored!: () => void;
  const allDone = new Promise<void>((r) => { bStored = r; });
  let aRuns = 0;
  const worker = startWorker({
    queues: { uptime: queue }, concurrency: { uptime: 3 }, logger: silentLogger, metrics, maxLatenessMs: { uptime: 60_000 },
    processors: {
      uptime: async (j) => {
        if (j.targetId === 2) { await held; bStored(); return; }
        if (++aRuns === 1) throw new Error('db down'); // our fault: retried
        aStored();
      },
    },
  });
  const now = Date.now();
  await queue.add('c', job(3, now - 3_600_000)); // too late: skipped before it reaches the processor
  await queue.add('a', job(1, now - 2000)); // fails once, then stored
  await queue.add('b', job(2, now)); // held running
  await waiting.add('d', { ...job(4, now), kind: 'tls' });
  await waiting.add('e', { ...job(5, now), kind: 'tls' });
  await aDone;
  return { registry, release, allDone, close: async () => { release(); await worker.close(); await waiting.close(); } };
}

describe('queue metrics', () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterAll(async () => { for (const c of cleanup) await c(); });

  it('GET /metrics exposes depth, latency, errors and late skips per queue', async () => {
    const s = await scenario();
    cleanup.push(s.close);
    const app = Fastify();
    await app.register(metricsRoutes(s.registry));
    cleanup.push(() => app.close());
    const res = await app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.body).toMatch(/sanjeh_queue_jobs\{queue="probe-tls-teh",state="waiting"\} 2/);
    expect(res.body).toMatch(/sanjeh_queue_jobs\{queue="probe-uptime-teh",state="active"\} 1/);
    expect(res.body).toMatch(/sanjeh_jobs_skipped_late_total\{queue="probe-uptime-teh"\} 1/);
    expect(res.body).toMatch(/sanjeh_job_errors_total\{queue="probe-uptime-teh"\} 1/);
    expect(res.body).toMatch(/sanjeh_job_latency_seconds_count\{queue="probe-uptime-teh"\} 1/);
    expect(res.body).toMatch(/sanjeh_job_latency_seconds_bucket\{le="5",queue="probe-uptime-teh"\} 1/);
    s.release();
    await s.allDone;
    const after = await app.inject('/metrics');
    expect(after.body).toMatch(/sanjeh_job_latency_seconds_count\{queue="probe-uptime-teh"\} 2/);
    expect(await globalRegistry.getSingleMetric('sanjeh_job_latency_seconds')).toBeUndefined();
  });

  it('the bare endpoint of scheduler and worker processes serves the same text', async () => {
    const s = await scenario();
    cleanup.push(s.close);
    const server = await serveMetrics(s.registry, '127.0.0.1', 0);
    cleanup.push(server.close);
    const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/sanjeh_jobs_skipped_late_total\{queue="probe-uptime-teh"\} 1/);
    expect((await fetch(`http://127.0.0.1:${server.port}/other`)).status).toBe(404);
  });
});
