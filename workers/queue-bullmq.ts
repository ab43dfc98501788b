// JobQueue over BullMQ (Redis), for separate scheduler and worker processes. The job id is the
// slot id, so a duplicated scheduler cannot enqueue a slot twice while the job is in Redis; the
// database's unique slot key is the guard after that.
//
// Failure handling: a throw (our fault, e.g. the database is down) is retried with exponential
// backoff; each retry probes again, and the worker's lateness guard drops a retry that would start
// past the slot's lateness budget (the slot becomes unobserved, never a late check). A worker that
// dies holding a job stops renewing its lock; after lockDurationMs another worker's stall check
// (every stalledIntervalMs) puts the job back, once: a second stall fails it (maxStalledCount).
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { JobQueue, QueueDepth } from './queue.ts';

export type BullQueueHooks = {
  /** A job given up for good: attempts exhausted or stalled past the limit. */
  onFailed?: (jobId: string | undefined, err: Error) => void;
  /** A job found stalled (its worker died or hung) and put back for another worker. */
  onStalled?: (jobId: string) => void;
};

export type BullQueueOptions = BullQueueHooks & {
  redisUrl: string;
  prefix?: string;
  attempts?: number;
  backoffMs?: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  maxStalledCount?: number;
  /** Newest job first (default). Under a backlog the freshest slots are still probed on time and
   *  the oldest ones age past their lateness budget (gaps); FIFO would make every slot late. */
  lifo?: boolean;
};

function finalFailure(job: Job | undefined, err: Error): boolean {
  if (!job) return true; // stalled past the limit and already removed
  if (/stalled/i.test(err.message)) return true;
  return job.attemptsMade >= (job.opts.attempts ?? 1);
}

function startConsumer<T>(name: string, opts: BullQueueOptions, prefix: string, connection: Redis,
  run: Parameters<JobQueue<T>['process']>[0], concurrency: number): Worker {
  const worker = new Worker(name, async (job, _token, signal) =>
    run(job.data as T, signal ?? new AbortController().signal, { attempt: job.attemptsStarted }), {
    connection: connection.duplicate({ maxRetriesPerRequest: null, enableOfflineQueue: true }), prefix, concurrency,
    lockDuration: opts.lockDurationMs ?? 15_000,
    stalledInterval: opts.stalledIntervalMs ?? 5_000,
    maxStalledCount: opts.maxStalledCount ?? 1,
  });
  worker.on('error', () => {}); // reconnects by itself; readiness reports the outage
  worker.on('failed', (job, err) => { if (finalFailure(job, err)) opts.onFailed?.(job?.id, err); });
  worker.on('stalled', (jobId) => opts.onStalled?.(jobId));
  return worker;
}

export function bullmqQueue<T>(name: string, opts: BullQueueOptions): JobQueue<T> {
  // The producer fails fast while Redis is down (the scheduler retries the span on its next tick);
  // consumers use maxRetriesPerRequest: null so their blocking commands survive a Redis restart.
  const connection = new Redis(opts.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  connection.on('error', () => {});
  const prefix = opts.prefix ?? 'sanjeh';
  const queue = new Queue(name, { connection, prefix });
  queue.on('error', () => {});
  let worker: Worker | undefined;
  return {
    name,
    async add(jobId, data) {
      await queue.add('probe', data, {
        jobId,
        lifo: opts.lifo ?? true,
        attempts: opts.attempts ?? 5,
        backoff: { type: 'exponential', delay: opts.backoffMs ?? 1000 },
        removeOnComplete: { age: 3600, count: 100_000 },
        removeOnFail: { age: 7 * 86_400 },
      });
    },
    process(run, concurrency) {
      worker = startConsumer(name, opts, prefix, connection, run, concurrency);
    },
    async close() {
      await worker?.close();
      await queue.close();
      connection.disconnect();
    },
    async expire(olderThanMs) {
      return (await queue.clean(olderThanMs, 10_000, 'wait')).length;
    },
    async depth(): Promise<QueueDepth> {
      const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return { waiting: (c['waiting'] ?? 0) + (c['prioritized'] ?? 0), active: c['active'] ?? 0, delayed: c['delayed'] ?? 0 };
    },
  };
}
