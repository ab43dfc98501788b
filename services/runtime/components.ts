// The parts of Sanjeh a process can run (API, scheduler, worker), each started from the config and
// an open store. `npm start` runs all three in one process on in-memory queues; `sanjeh api`,
// `sanjeh scheduler` and `sanjeh worker` run one each, connected through Redis.
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Config } from '../../config/env.ts';
import type { Db } from '../../db/client.ts';
import { listActiveTargets } from '../../db/store/targets.ts';
import { buildApp } from '../api/app.ts';
import { dbEvidence } from '../scoring/evidence-db.ts';
import type { ReadinessCheck } from '../api/routes/health.ts';
import { startScheduler, type RunningScheduler } from '../scheduler/scheduler.ts';
import { jobId, probeKinds, queueName, type ProbeJob, type ProbeKind } from '../../workers/job.ts';
import type { QueueMetrics } from '../../workers/queue-metrics.ts';
import { cadenceOverridesMs } from '../scheduler/target-cadence.ts';
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

export async function runApi(config: Config, db: Db, logger: Logger, checks: ReadinessCheck[], metrics?: Registry): Promise<Closer> {
  const app = await buildApp({ db, logger, readiness: [dbReadiness(db), ...checks], ...(metrics ? { metrics } : {}),
    evidence: dbEvidence(db), allowPrivateTargets: config.allowPrivateTargets });
  const address = await app.listen({ host: config.host, port: config.port });
  logger.info({ address }, 'API listening');
  console.log(`Sanjeh API listening on ${address}  (agencies: ${address}/api/v1/agencies)`);
  return { name: 'api', close: () => app.close() };
}

/** One queue per probe kind for each region: `probe-<kind>-<region>`. */
export function makeRegionQueues(regions: readonly string[], make: (name: string) => JobQueue<ProbeJob>): Record<string, Queues> {
  return Object.fromEntries(regions.map((r) => [r, makeQueues((k) => make(queueName(k, r)))]));
}

/** Per kind: how late after its slot a job may still start (MAX_LATENESS_S, else one interval). */
export function maxLatenessMs(config: Config): Record<ProbeKind, number> {
  return Object.fromEntries(probeKinds.map((k) => [k, (config.maxLatenessS ?? config.intervalsS[k]) * 1000])) as Record<ProbeKind, number>;
}

export type SchedulerOptions = { isLeader?: () => Promise<boolean>; onClose?: () => Promise<void>; catchUpMs?: number;
  /** Called with what each expiry pass removed from a queue (for a metric). */
  onExpired?: (queue: string, count: number) => void };

/** Drops jobs that waited past their kind's lateness budget: they would only be skipped (a gap). */
function expireStale(config: Config, byRegion: Record<string, Queues>, logger: Logger, onExpired?: SchedulerOptions['onExpired']) {
  const budget = maxLatenessMs(config);
  return async () => {
    for (const queues of Object.values(byRegion)) {
      for (const [kind, q] of Object.entries(queues) as Array<[ProbeKind, JobQueue<ProbeJob>]>) {
        const n = await q.expire?.(budget[kind]) ?? 0;
        if (n > 0) logger.warn({ queue: q.name, count: n }, 'jobs waited past their lateness budget; dropped (unobserved)');
        if (n > 0) onExpired?.(q.name ?? kind, n);
      }
    }
  };
}

export function runScheduler(config: Config, db: Db, logger: Logger, queues: Queues | Record<string, Queues>, kinds: readonly ProbeKind[],
  opts: SchedulerOptions = {}): RunningScheduler {
  const cadencesMs = Object.fromEntries(kinds.map((k) => [k, config.intervalsS[k] * 1000]));
  const byRegion = isRegionMap(queues) ? queues : { [config.region]: queues };
  return startScheduler({
    listTargets: async () => (await listActiveTargets(db)).map((t) => ({ id: Number(t.id), url: t.url, intervalsMs: cadenceOverridesMs(t.settings) })),
    enqueue: (job) => byRegion[job.region]![job.kind].add(jobId(job), job),
    cadencesMs,
    regions: Object.keys(byRegion),
    now: Date.now,
    logger,
    expire: expireStale(config, byRegion, logger, opts.onExpired),
    ...opts,
  });
}

function isRegionMap(q: Queues | Record<string, Queues>): q is Record<string, Queues> {
  return !probeKinds.every((k) => k in q);
}

export function runWorker(config: Config, db: Db, logger: Logger, queues: Queues, only?: readonly ProbeKind[], metrics?: QueueMetrics) {
  const processors = buildProcessors({ db, config, logger, now: Date.now });
  const picked = Object.fromEntries(Object.entries(queues).filter(([k]) => !only || only.includes(k as ProbeKind)));
  return startWorker({ queues: picked, processors, concurrency: config.concurrency, logger,
    maxLatenessMs: maxLatenessMs(config), metrics, now: Date.now });
}

/** The kinds this build can probe (those with a processor). */
export function probingKinds(config: Config, db: Db, logger: Logger): ProbeKind[] {
  return Object.keys(buildProcessors({ db, config, logger, now: Date.now })) as ProbeKind[];
}
