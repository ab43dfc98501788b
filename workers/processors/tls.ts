// The TLS processor: grade the target's host, store the scan. "No HTTPS" and connection errors are
// results, stored like grades; only our own faults (the database) throw and get retried.
import { probeTls } from '../../probes/tls/probe-tls.ts';
import { insertTlsScan } from '../../db/store/tls-scans.ts';
import type { Processor } from '../run-worker.ts';
import type { ProcessorDeps } from './index.ts';

export function tlsProcessor(deps: ProcessorDeps): Processor {
  return async (job, signal) => {
    const result = await probeTls({ url: job.url }, { allowPrivate: deps.config.allowPrivateTargets, now: deps.now }, signal);
    const stored = await insertTlsScan(deps.db, job, result, deps.now());
    deps.logger.info({ target: job.targetId, outcome: result.outcome, grade: result.outcome === 'graded' ? result.grade : undefined, stored }, 'tls scan');
  };
}
