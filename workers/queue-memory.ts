// An in-process JobQueue on fastq for the embedded mode. Jobs live in memory only: a crash loses
// the queued slots, which then show as unobserved time, as a Redis outage would.
import fastq from 'fastq';
import type { JobQueue } from './queue.ts';

export type MemoryQueueOptions = {
  name?: string;
  retries: number;
  retryDelayMs: number;
  /** How long close() lets running jobs finish before aborting their signal. */
  closeGraceMs?: number;
  onError?: (err: unknown, jobId: string) => void;
};

export function memoryQueue<T>(opts: MemoryQueueOptions = { retries: 3, retryDelayMs: 1000 }): JobQueue<T> {
  const known = new Set<string>();
  const running = new Set<Promise<void>>();
  const stopping = new AbortController(); // stops retries and intake
  const aborting = new AbortController(); // the signal running jobs see, after the grace period
  let run: Parameters<JobQueue<T>['process']>[0] | undefined;
  let queue: fastq.queueAsPromised<{ id: string; data: T }> | undefined;
  const pending: Array<{ id: string; data: T }> = [];

  async function attempt(task: { id: string; data: T }): Promise<void> {
    for (let i = 0; ; i++) {
      if (stopping.signal.aborted) return;
      try {
        await run!(task.data, aborting.signal, { attempt: i + 1 });
        return;
      } catch (err) {
        if (aborting.signal.aborted) return; // we aborted it at shutdown: not a failure, not retried
        opts.onError?.(err, task.id);
        if (i >= opts.retries) return;
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, opts.retryDelayMs * 2 ** i);
          stopping.signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
        });
      }
    }
  }

  async function worker(task: { id: string; data: T }): Promise<void> {
    const p = attempt(task).finally(() => { known.delete(task.id); running.delete(p); });
    running.add(p);
    await p;
  }

  return {
    name: opts.name ?? 'memory',
    async add(id, data) {
      if (stopping.signal.aborted || known.has(id)) return;
      known.add(id);
      const task = { id, data };
      if (queue) void queue.push(task).catch(() => {});
      else pending.push(task);
    },
    process(fn, concurrency) {
      run = fn;
      queue = fastq.promise(worker, concurrency);
      for (const t of pending.splice(0)) void queue.push(t).catch(() => {});
    },
    async close() {
      queue?.kill();
      known.clear();
      stopping.abort();
      const grace = setTimeout(() => aborting.abort(), opts.closeGraceMs ?? 30_000);
      await Promise.allSettled([...running]);
      clearTimeout(grace);
    },
    async depth() {
      return { waiting: (queue?.length() ?? 0) + pending.length, active: running.size, delayed: 0 };
    },
  };
}
