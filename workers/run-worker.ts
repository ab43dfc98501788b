// A worker: consumes each probe kind's queue with that kind's processor. A processor probes,
// stores the result and returns; a probe outcome such as "down" is data, not a failure. A throw
// is our own fault (database unreachable) and the queue retries the job.
//
// Gaps are data, never backfilled: a job that starts later than its kind's lateness budget after
// its slot (backlog, Redis or every worker down, retries that ran out of time) is dropped, counted
// in sanjeh_jobs_skipped_late_total, and the slot stays without a check: unobserved time.
import type { Logger } from 'pino';
import type { JobQueue, JobRun } from './queue.ts';
import type { ProbeJob, ProbeKind } from './job.ts';
import type { QueueMetrics } from './queue-metrics.ts';

export type Processor = (job: ProbeJob, signal: AbortSignal) => Promise<void>;

export type WorkerDeps = {
  queues: Partial<Record<ProbeKind, JobQueue<ProbeJob>>>;
  processors: Partial<Record<ProbeKind, Processor>>;
  concurrency: Partial<Record<ProbeKind, number>>;
  logger: Logger;
  /** Per kind: a job starting later than this after its slot is skipped. Unset: never skipped. */
  maxLatenessMs?: Partial<Record<ProbeKind, number>>;
  metrics?: QueueMetrics;
  now?: () => number;
};

export type GuardOptions = { queue: string; maxLatenessMs: number; now: () => number; logger: Logger; metrics?: QueueMetrics | undefined };

/** Wraps a processor with the lateness rule and the per-queue metrics. */
export function guardJob(processor: Processor, o: GuardOptions) {
  const labels = { queue: o.queue };
  return async (job: ProbeJob, signal: AbortSignal, run: JobRun = { attempt: 1 }): Promise<void> => {
    const lateMs = o.now() - job.slotMs;
    if (run.attempt <= 1) o.metrics?.scheduleLag.observe(labels, Math.max(0, lateMs) / 1000);
    if (lateMs > o.maxLatenessMs) {
      o.metrics?.skippedLate.inc(labels);
      o.logger.warn({ queue: o.queue, targetId: job.targetId, slotMs: job.slotMs, lateMs, attempt: run.attempt },
        'job started too late for its slot; skipped (unobserved)');
      return;
    }
    try {
      await processor(job, signal);
    } catch (err) {
      o.metrics?.errors.inc(labels);
      throw err;
    }
    o.metrics?.latency.observe(labels, Math.max(0, o.now() - job.slotMs) / 1000);
  };
}

export function startWorker(deps: WorkerDeps): { kinds: ProbeKind[]; close: () => Promise<void> } {
  const kinds: ProbeKind[] = [];
  for (const [kind, queue] of Object.entries(deps.queues) as Array<[ProbeKind, JobQueue<ProbeJob>]>) {
    const processor = deps.processors[kind];
    if (!processor) {
      deps.logger.warn({ kind }, 'no processor for this probe kind; its queue is not consumed');
      continue;
    }
    queue.process(guardJob(processor, {
      queue: queue.name ?? kind, maxLatenessMs: deps.maxLatenessMs?.[kind] ?? Infinity,
      now: deps.now ?? Date.now, logger: deps.logger, metrics: deps.metrics,
    }), deps.concurrency[kind] ?? 1);
    kinds.push(kind);
  }
  return {
    kinds,
    close: async () => { await Promise.all(Object.values(deps.queues).map((q) => q.close())); },
  };
}
