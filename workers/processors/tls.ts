// The TLS processor: grade the target's host, store the scan. "No HTTPS" and connection errors are
// results, stored like grades; only our own faults (the database) throw and get retried.
import { probeTls } from '../../probes/tls/probe-tls.ts';
import { insertTlsScan } from '../../db/store/tls-scans.ts';
import { recordTlsObservation } from '../../services/alerts/tls-observation.ts';
import type { Processor } from '../run-worker.ts';
import type { ProcessorDeps } from './index.ts';

export function tlsProcessor(deps: ProcessorDeps): Processor {
  return async (job, signal) => {
    const result = await probeTls({ url: job.url }, { allowPrivate: deps.config.allowPrivateTargets, now: deps.now }, signal);
    const at = deps.now();
    const stored = await insertTlsScan(deps.db, job, result, at);
    // Grade drops and certificate expiry warnings open incidents; alerts go out from those.
    if (stored && result.outcome !== 'error') {
      const grade = result.outcome === 'graded' ? result.grade : 'no_https';
      const notAfter = result.outcome === 'graded' && result.facts.cert ? new Date(result.facts.cert.notAfter) : null;
      await recordTlsObservation(deps.db, job.targetId, grade, notAfter, new Date(at));
    }
    deps.logger.info({ target: job.targetId, outcome: result.outcome, grade: result.outcome === 'graded' ? result.grade : undefined, stored }, 'tls scan');
  };
}
