// One contract for every JobQueue: the in-process one (npm start) and BullMQ on the real Redis
// (each run under its own key prefix).
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { JobQueue } from '../../../workers/queue.ts';
import { memoryQueue } from '../../../workers/queue-memory.ts';
import { bullmqQueue } from '../../../workers/queue-bullmq.ts';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
type Item = { n: number };

const implementations = [
  { name: 'memory', make: () => ({ queue: memoryQueue<Item>({ retries: 3, retryDelayMs: 10 }), cleanup: async () => {} }) },
  {
    name: 'bullmq',
    make: () => {
      const prefix = `t-${randomBytes(4).toString('hex')}`;
      return {
        queue: bullmqQueue<Item>('contract', { redisUrl: REDIS_URL, prefix, backoffMs: 10 }),
        cleanup: async () => {
          const r = new Redis(REDIS_URL);
          const keys = await r.keys(`${prefix}:*`);
          if (keys.length) await r.del(...keys);
          r.disconnect();
        },
      };
    },
  },
] as const;

function collect(queue: JobQueue<Item>, expected: number, run?: (d: Item) => Promise<void>) {
  const seen: number[] = [];
  let resolve!: () => void;
  const done = new Promise<void>((r) => { resolve = r; });
  queue.process(async (d) => { await run?.(d); seen.push(d.n); if (seen.length === expected) resolve(); }, 4);
  return { seen, done };
}

describe.each(implementations)('JobQueue contract: $name', ({ make }) => {
  let env: ReturnType<typeof make>;
  afterEach(async () => { await env.queue.close(); await env.cleanup(); });

  it('runs every job added, before or after process() starts', async () => {
    env = make();
    await env.queue.add('a-1', { n: 1 });
    const { seen, done } = collect(env.queue, 3);
    await env.queue.add('a-2', { n: 2 });
    await env.queue.add('a-3', { n: 3 });
    await done;
    expect(seen.sort()).toEqual([1, 2, 3]);
  });

  it('treats an id already queued as a no-op', async () => {
    env = make();
    await env.queue.add('dup-1', { n: 1 });
    await env.queue.add('dup-1', { n: 99 });
    await env.queue.add('dup-2', { n: 2 });
    const { seen, done } = collect(env.queue, 2);
    await done;
    expect(seen.sort()).toEqual([1, 2]);
  });

  it('retries a job whose run throws (our own fault) until it succeeds', async () => {
    env = make();
    let attempts = 0;
    const { seen, done } = collect(env.queue, 1, async () => { if (++attempts < 3) throw new Error('database down'); });
    await env.queue.add('retry-1', { n: 7 });
    await done;
    expect(seen).toEqual([7]);
    expect(attempts).toBe(3);
  });

  it('close() waits for the job being run', async () => {
    env = make();
    let release!: () => void;
    let started!: () => void;
    const isStarted = new Promise<void>((r) => { started = r; });
    let finished = false;
    env.queue.process(async () => { started(); await new Promise<void>((r) => { release = r; }); finished = true; }, 1);
    await env.queue.add('slow-1', { n: 1 });
    await isStarted;
    const closing = env.queue.close();
    release();
    await closing;
    expect(finished).toBe(true);
  });
});

describe('memory queue shutdown', () => {
  it('aborts a job still running after the grace period, without reporting it as a failure', async () => {
    const errors: unknown[] = [];
    const queue = memoryQueue<Item>({ retries: 3, retryDelayMs: 10, closeGraceMs: 50, onError: (err) => errors.push(err) });
    let started!: () => void;
    const isStarted = new Promise<void>((r) => { started = r; });
    let sawAbort = false;
    queue.process(async (_d, signal) => {
      started();
      await new Promise<void>((_, reject) => signal.addEventListener('abort', () => { sawAbort = true; reject(signal.reason); }, { once: true }));
    }, 1);
    await queue.add('held-1', { n: 1 });
    await isStarted;
    await queue.close();
    expect(sawAbort).toBe(true);
    expect(errors).toEqual([]);
  });
});
