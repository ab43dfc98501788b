// The queue seam: BullMQ over Redis (workers/queue-bullmq.ts) for separate processes, and an
// in-process queue (workers/queue-memory.ts) for the embedded `npm start`. One contract suite
// (tests/integration/queue-contract.test.ts) runs against both.
export interface JobQueue<T> {
  /** Enqueues `data` under `jobId`; an id already queued or running is a no-op. */
  add(jobId: string, data: T): Promise<void>;
  /** Starts consuming with at most `concurrency` jobs at once. A throw means our fault: retried. */
  process(run: (data: T, signal: AbortSignal) => Promise<void>, concurrency: number): void;
  /** Stops taking work and waits for the jobs being run. */
  close(): Promise<void>;
}
