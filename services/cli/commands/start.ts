// `npm start` / `sanjeh start`: API, scheduler and workers in one process. With no DATABASE_URL it
// uses embedded PGlite in DATA_DIR; without REDIS_URL the queues are in memory.
import { loadConfig } from '../../../config/env.ts';
import type { CliCommand } from '../command.ts';
import { createLogger } from '../../runtime/logger.ts';
import { openStore } from '../../runtime/open-store.ts';
import { trapSignals } from '../../runtime/shutdown.ts';
import { makeQueues, probingKinds, runApi, runScheduler, runWorker } from '../../runtime/components.ts';
import { memoryQueue } from '../../../workers/queue-memory.ts';
import { bullmqQueue } from '../../../workers/queue-bullmq.ts';
import { redisReadiness } from '../../runtime/redis-readiness.ts';
import { runAlerts } from '../../alerts/run-from-config.ts';
import { startProbeRequestDrain } from '../../dashboard/probe-requests.ts';
import { jobId, queueName } from '../../../workers/job.ts';
import { Registry } from 'prom-client';
import { createQueueMetrics, registerQueueDepth } from '../../../workers/queue-metrics.ts';

export const startCommand: CliCommand = {
  name: ['start'],
  usage: 'start',
  summary: 'run API, scheduler and workers in one process',
  async run() {
    const signals = trapSignals(); // first: a SIGTERM during start-up is honoured, not fatal
    const config = loadConfig();
    const logger = createLogger(config, 'sanjeh');
    const db = await openStore(config, logger);
    const redisUrl = config.redisUrl;
    const queues = makeQueues((kind) => redisUrl
      ? bullmqQueue(queueName(kind, config.region), { redisUrl })
      // In-memory jobs cannot be handed back: on SIGTERM running probes get 5 s, then their signal
      // aborts (retry waits end at once); an unfinished slot stays unobserved, never down.
      : memoryQueue({ name: queueName(kind, config.region), retries: 3, retryDelayMs: 1000, closeGraceMs: 5_000, onError: (err, id) => logger.error({ err, job: id }, 'job failed') }));
    const kinds = probingKinds(config, db, logger);
    const registry = new Registry(); // GET /metrics: queue depth, schedule lag, latency, failures
    registerQueueDepth(registry, Object.values(queues));
    const worker = runWorker(config, db, logger, queues, undefined, createQueueMetrics(registry));
    const scheduler = runScheduler(config, db, logger, queues, kinds);
    const probeNow = startProbeRequestDrain(db, {
      enqueue: (job) => queues[job.kind].add(jobId(job), job), region: config.region, now: Date.now, everyMs: 2000, logger,
    });
    const alerts = runAlerts(config, db, logger);
    const api = await runApi(config, db, logger, redisUrl ? [redisReadiness(redisUrl)] : [], registry);
    logger.info({ engine: db.engine, queue: redisUrl ? 'redis' : 'memory', kinds }, 'sanjeh started');
    await signals.closeWith([api, probeNow, { name: 'scheduler', close: scheduler.close }, { name: 'worker', close: worker.close },
      alerts, { name: 'database', close: () => db.close() }], logger);
    return 0;
  },
};
