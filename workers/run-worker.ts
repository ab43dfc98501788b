// A worker: consumes each probe kind's queue with that kind's processor. A processor probes,
// stores the result and returns; a probe outcome such as "down" is data, not a failure. A throw
// is our own fault (database unreachable) and the queue retries the job.
import type { Logger } from 'pino';
import type { JobQueue } from './queue.ts';
import type { ProbeJob, ProbeKind } from './job.ts';

export type Processor = (job: ProbeJob, signal: AbortSignal) => Promise<void>;

export type WorkerDeps = {
  queues: Partial<Record<ProbeKind, JobQueue<ProbeJob>>>;
  processors: Partial<Record<ProbeKind, Processor>>;
  concurrency: Partial<Record<ProbeKind, number>>;
  logger: Logger;
};

export function startWorker(deps: WorkerDeps): { kinds: ProbeKind[]; close: () => Promise<void> } {
  const kinds: ProbeKind[] = [];
  for (const [kind, queue] of Object.entries(deps.queues) as Array<[ProbeKind, JobQueue<ProbeJob>]>) {
    const processor = deps.processors[kind];
    if (!processor) {
      deps.logger.warn({ kind }, 'no processor for this probe kind; its queue is not consumed');
      continue;
    }
    queue.process(processor, deps.concurrency[kind] ?? 1);
    kinds.push(kind);
  }
  return {
    kinds,
    close: async () => { await Promise.all(Object.values(deps.queues).map((q) => q.close())); },
  };
}
