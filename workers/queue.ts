// The queue seam: BullMQ over Redis (workers/queue-bullmq.ts) for separate processes, and an
// in-process queue (workers/queue-memory.ts) for the embedded `npm start`. One contract suite
// (tests/integration/queue-contract.test.ts) runs against both.
export type QueueDepth = { waiting: number; active: number; delayed: number };

/** Which start of the job this is: 1 for the first, more after a retry or a stall. */
export type JobRun = { attempt: number };

export interface JobQueue<T> {
  /** The queue's name (`probe-<kind>-<region>`), the label of its metrics. */
  readonly name?: string;
  /** Enqueues `data` under `jobId`; an id already queued or running is a no-op. */
  add(jobId: string, data: T): Promise<void>;
  /** Starts consuming with at most `concurrency` jobs at once. A throw means our fault: retried. */
  process(run: (data: T, signal: AbortSignal, info: JobRun) => Promise<void>, concurrency: number): void;
  /** Stops taking work and waits for the jobs being run. */
  close(): Promise<void>;
  /** Jobs waiting, running, and waiting for a retry (for /metrics). */
  depth?(): Promise<QueueDepth>;
  /** Removes jobs still waiting `olderThanMs` after they were enqueued (they would only be skipped
   *  as late); returns how many. Keeps a backlog from growing without bound. */
  expire?(olderThanMs: number): Promise<number>;
}
