// The parts of Sanjeh a process can run (API, scheduler, worker), each started from the config and
// an open store. `npm start` runs all three in one process on in-memory queues; `sanjeh api`,
// `sanjeh scheduler` and `sanjeh worker` run one each, connected through Redis.
import type { Logger } from 'pino';
import type { Config } from '../../config/env.ts';
import type { Db } from '../../db/client.ts';
import { listActiveTargets } from '../../db/store/targets.ts';
import { buildApp } from '../api/app.ts';
import type { ReadinessCheck } from '../api/routes/health.ts';
import { startScheduler, type RunningScheduler } from '../scheduler/scheduler.ts';
import { jobId, probeKinds, type ProbeJob, type ProbeKind } from '../../workers/job.ts';
import type { JobQueue } from '../../workers/queue.ts';
import { startWorker } from '../../workers/run-worker.ts';
import { buildProcessors } from '../../workers/processors/index.ts';
import type { Closer } from './shutdown.ts';

export type Queues = Record<ProbeKind, JobQueue<ProbeJob>>;

export function makeQueues(make: (kind: ProbeKind) => JobQueue<ProbeJob>): Queues {
  return Object.fromEntries(probeKinds.map((k) => [k, make(k)])) as Queues;
}

export function dbReadiness(db: Db): ReadinessCheck {
  return { name: 'database', check: async () => { await db.query('SELECT 1'); } };
}

export async function runApi(config: Config, db: Db, logger: Logger, checks: ReadinessCheck[]): Promise<Closer> {
  const app = await buildApp({ db, logger, readiness: [dbReadiness(db), ...checks] });
  const address = await app.listen({ host: config.host, port: config.port });
  logger.info({ address }, 'API listening');
  console.log(`Sanjeh API listening on ${address}  (agencies: ${address}/api/v1/agencies)`);
  return { name: 'api', close: () => app.close() };
}

export function runScheduler(config: Config, db: Db, logger: Logger, queues: Queues, kinds: readonly ProbeKind[]): RunningScheduler {
  const cadencesMs = Object.fromEntries(kinds.map((k) => [k, config.intervalsS[k] * 1000]));
  return startScheduler({
    listTargets: () => listActiveTargets(db),
    enqueue: (job) => queues[job.kind].add(jobId(job), job),
    cadencesMs,
    regions: [config.region],
    now: Date.now,
    logger,
  });
}

export function runWorker(config: Config, db: Db, logger: Logger, queues: Queues, only?: readonly ProbeKind[]) {
  const processors = buildProcessors({ db, config, logger, now: Date.now });
  const picked = Object.fromEntries(Object.entries(queues).filter(([k]) => !only || only.includes(k as ProbeKind)));
  return startWorker({ queues: picked, processors, concurrency: config.concurrency, logger });
}

/** The kinds this build can probe (those with a processor). */
export function probingKinds(config: Config, db: Db, logger: Logger): ProbeKind[] {
  return Object.keys(buildProcessors({ db, config, logger, now: Date.now })) as ProbeKind[];
}
