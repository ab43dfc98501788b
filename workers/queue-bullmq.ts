// JobQueue over BullMQ (Redis), for separate scheduler and worker processes. The job id is the
// slot id, so a duplicated scheduler cannot enqueue a slot twice while the job is in Redis; the
// database's unique slot key is the guard after that.
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { JobQueue } from './queue.ts';

export type BullQueueOptions = { redisUrl: string; prefix?: string; attempts?: number; backoffMs?: number };

export function bullmqQueue<T>(name: string, opts: BullQueueOptions): JobQueue<T> {
  // BullMQ needs maxRetriesPerRequest: null so blocking commands survive a Redis restart.
  const connection = new Redis(opts.redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', () => {}); // reconnects by itself; readiness reports the outage
  const prefix = opts.prefix ?? 'sanjeh';
  const queue = new Queue(name, { connection, prefix });
  queue.on('error', () => {});
  let worker: Worker | undefined;
  return {
    async add(jobId, data) {
      await queue.add('probe', data, {
        jobId,
        attempts: opts.attempts ?? 5,
        backoff: { type: 'exponential', delay: opts.backoffMs ?? 1000 },
        removeOnComplete: { age: 3600, count: 100_000 },
        removeOnFail: { age: 7 * 86_400 },
      });
    },
    process(run, concurrency) {
      worker = new Worker(name, async (job, _token, signal) => run(job.data as T, signal ?? new AbortController().signal),
        { connection: connection.duplicate({ maxRetriesPerRequest: null }), prefix, concurrency });
      worker.on('error', () => {});
    },
    async close() {
      await worker?.close();
      await queue.close();
      connection.disconnect();
    },
  };
}
