// The queue metrics every process registers in its own prom-client Registry (built with the
// process's deps, never the global default registry), labelled by queue (`probe-<kind>-<region>`).
// Queue depth is read from the queues when scraped; the rest counts what this process saw.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { JobQueue } from './queue.ts';

export type QueueMetrics = {
  /** Slot start → first attempt started (how late the schedule runs). */
  scheduleLag: Histogram<'queue'>;
  /** Slot start → result stored. */
  latency: Histogram<'queue'>;
  /** Attempts that threw (our fault, retried). */
  errors: Counter<'queue'>;
  /** Jobs given up: attempts exhausted or stalled past the limit. */
  failed: Counter<'queue'>;
  stalled: Counter<'queue'>;
  /** Jobs dropped because they started later than the lateness budget (a gap, not a check). */
  skippedLate: Counter<'queue'>;
};

const secondsBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300];

export function createQueueMetrics(registry: Registry): QueueMetrics {
  const registers = [registry];
  return {
    scheduleLag: new Histogram({ name: 'sanjeh_job_schedule_lag_seconds', help: 'slot start to first attempt started',
      labelNames: ['queue'], buckets: secondsBuckets, registers }),
    latency: new Histogram({ name: 'sanjeh_job_latency_seconds', help: 'slot start to result stored',
      labelNames: ['queue'], buckets: secondsBuckets, registers }),
    errors: new Counter({ name: 'sanjeh_job_errors_total', help: 'job attempts that threw (retried)', labelNames: ['queue'], registers }),
    failed: new Counter({ name: 'sanjeh_jobs_failed_total', help: 'jobs given up (attempts or stall limit)', labelNames: ['queue'], registers }),
    stalled: new Counter({ name: 'sanjeh_jobs_stalled_total', help: 'jobs found stalled and put back', labelNames: ['queue'], registers }),
    skippedLate: new Counter({ name: 'sanjeh_jobs_skipped_late_total', help: 'jobs dropped as later than the lateness budget (unobserved)',
      labelNames: ['queue'], registers }),
  };
}

/** A gauge sanjeh_queue_jobs{queue,state} read from the queues at each scrape. */
export function registerQueueDepth(registry: Registry, queues: ReadonlyArray<JobQueue<unknown>>): void {
  new Gauge({
    name: 'sanjeh_queue_jobs', help: 'jobs in the queue by state', labelNames: ['queue', 'state'], registers: [registry],
    async collect() {
      this.reset();
      await Promise.all(queues.map(async (q) => {
        const d = await q.depth?.().catch(() => undefined);
        if (!d) return;
        for (const [state, n] of Object.entries(d)) this.set({ queue: q.name ?? 'unnamed', state }, n);
      }));
    },
  });
}

/** sanjeh_jobs_expired_total{queue}: jobs the scheduler removed after they waited past their lateness. */
export function createExpiryCounter(registry: Registry): Counter<'queue'> {
  return new Counter({ name: 'sanjeh_jobs_expired_total', help: 'jobs removed unstarted after waiting past their lateness budget (unobserved)',
    labelNames: ['queue'], registers: [registry] });
}
