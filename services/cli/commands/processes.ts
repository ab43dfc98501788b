// `sanjeh api`, `sanjeh scheduler`, `sanjeh worker`: one part each, for separate processes that
// share Postgres (DATABASE_URL) and Redis (REDIS_URL). Schedulers elect one leader through a Redis
// lock; workers consume the queues of their region (--region, else REGION).
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { loadConfig, type Config } from '../../../config/env.ts';
import { UsageError, type CliCommand } from '../command.ts';
import { createLogger } from '../../runtime/logger.ts';
import { openStore } from '../../runtime/open-store.ts';
import { trapSignals, type Closer } from '../../runtime/shutdown.ts';
import { makeQueues, makeRegionQueues, probingKinds, runApi, runScheduler, runWorker } from '../../runtime/components.ts';
import { redisReadiness } from '../../runtime/redis-readiness.ts';
import { redisLeaderLock } from '../../scheduler/leader-lock.ts';
import { bullmqQueue, type BullQueueHooks } from '../../../workers/queue-bullmq.ts';
import { createExpiryCounter, createQueueMetrics, registerQueueDepth } from '../../../workers/queue-metrics.ts';
import { serveMetrics } from '../../../workers/queue-metrics-server.ts';
import { jobId, probeKinds, queueName, type ProbeKind } from '../../../workers/job.ts';
import { runAlerts } from '../../alerts/run-from-config.ts';
import { startProbeRequestDrain } from '../../dashboard/probe-requests.ts';

function needRedis(config: Config, what: string): string {
  if (!config.redisUrl) throw new UsageError(`sanjeh ${what} needs REDIS_URL (and DATABASE_URL); for a single process without them use \`npm start\``);
  return config.redisUrl;
}

function parseKinds(value: string | undefined): ProbeKind[] | undefined {
  if (value === undefined) return undefined;
  const kinds = value.split(',').map((s) => s.trim());
  const bad = kinds.filter((k) => !(probeKinds as readonly string[]).includes(k));
  if (bad.length) throw new UsageError(`--probes: unknown probe kind(s) ${bad.join(', ')}; expected some of ${probeKinds.join(',')}`);
  return kinds as ProbeKind[];
}

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new UsageError(`--metrics-port: expected a port number, got ${value}`);
  return Number(value);
}

async function metricsEndpoint(config: Config, registry: Registry, port: number | undefined): Promise<Closer[]> {
  if (port === undefined) return [];
  const server = await serveMetrics(registry, config.host, port);
  console.log(`Sanjeh metrics on http://${config.host}:${server.port}/metrics`);
  return [{ name: 'metrics', close: server.close }];
}

export const apiCommand: CliCommand = {
  name: ['api'],
  usage: 'api',
  summary: 'run the REST API',
  async run() {
    const signals = trapSignals(); // first: a SIGTERM during start-up is honoured, not fatal
    const config = loadConfig();
    const logger = createLogger(config, 'sanjeh-api');
    const db = await openStore(config, logger);
    const redisUrl = config.redisUrl;
    const redis = redisUrl ? redisReadiness(redisUrl) : undefined;
    const registry = new Registry();
    // Queue depth is in Redis, so the API reports it for every region's queues.
    const queues = redisUrl ? Object.values(makeRegionQueues(config.regions, (name) => bullmqQueue(name, { redisUrl })))
      .flatMap((q) => Object.values(q)) : [];
    registerQueueDepth(registry, queues);
    const api = await runApi(config, db, logger, redis ? [redis] : [], registry);
    await signals.closeWith([api, { name: 'redis', close: async () => redis?.close() },
      { name: 'queues', close: () => Promise.all(queues.map((q) => q.close())) }, { name: 'database', close: () => db.close() }], logger);
    return 0;
  },
};

export const schedulerCommand: CliCommand = {
  name: ['scheduler'],
  usage: 'scheduler [--probes uptime,tls,speed] [--metrics-port N]',
  summary: 'enqueue probe jobs on schedule for every region in REGIONS; one leader at a time (needs REDIS_URL)',
  async run(argv) {
    const signals = trapSignals(); // first: a SIGTERM during start-up is honoured, not fatal
    const { values } = parseArgs({ args: argv, options: { probes: { type: 'string' }, 'metrics-port': { type: 'string' } } });
    const only = parseKinds(values.probes);
    const metricsPort = parsePort(values['metrics-port']);
    const config = loadConfig();
    const redisUrl = needRedis(config, 'scheduler');
    const logger = createLogger(config, 'sanjeh-scheduler');
    const db = await openStore(config, logger);
    const lockRedis = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    lockRedis.on('error', () => {});
    const lock = redisLeaderLock(lockRedis);
    const byRegion = makeRegionQueues(config.regions, (name) => bullmqQueue(name, { redisUrl }));
    const queues = Object.values(byRegion).flatMap((q) => Object.values(q));
    const registry = new Registry();
    registerQueueDepth(registry, queues);
    const expired = createExpiryCounter(registry);
    const scheduler = runScheduler(config, db, logger, byRegion, only ?? probingKinds(config, db, logger), {
      isLeader: lock.hold,
      onExpired: (queue, n) => expired.inc({ queue }, n),
      onClose: () => lock.release().catch(() => {}), // hand over at once instead of after the expiry
    });
    // "Probe now" requests from the dashboard, enqueued for each region (claimed under row locks:
    // a standby scheduler draining too is harmless).
    const probeNow = config.regions.map((region) => startProbeRequestDrain(db, {
      enqueue: (job) => byRegion[region]![job.kind].add(jobId(job), job), region, now: Date.now, everyMs: 2000, logger,
    }));
    logger.info({ regions: config.regions, token: lock.token }, 'scheduler started');
    await signals.closeWith([{ name: 'scheduler', close: scheduler.close }, ...probeNow, ...await metricsEndpoint(config, registry, metricsPort),
      { name: 'queues', close: () => Promise.all(queues.map((q) => q.close())) },
      { name: 'lock', close: async () => lockRedis.disconnect() }, { name: 'database', close: () => db.close() }], logger);
    return 0;
  },
};

export const workerCommand: CliCommand = {
  name: ['worker'],
  usage: 'worker [--probes uptime,tls,speed] [--region NAME] [--metrics-port N]',
  summary: 'run probes from the queues of a region and store results (needs REDIS_URL)',
  async run(argv) {
    const signals = trapSignals(); // first: a SIGTERM during start-up is honoured, not fatal
    const { values } = parseArgs({ args: argv, options: { probes: { type: 'string' }, region: { type: 'string' }, 'metrics-port': { type: 'string' } } });
    const kinds = parseKinds(values.probes) ?? [...probeKinds];
    const metricsPort = parsePort(values['metrics-port']);
    const config = loadConfig(values.region ? { ...process.env, REGION: values.region } : process.env);
    const redisUrl = needRedis(config, 'worker');
    const logger = createLogger(config, 'sanjeh-worker');
    const db = await openStore(config, logger, { seed: false });
    const registry = new Registry();
    const metrics = createQueueMetrics(registry);
    const hooks = (name: string): BullQueueHooks => ({
      onFailed: () => metrics.failed.inc({ queue: name }),
      onStalled: () => metrics.stalled.inc({ queue: name }),
    });
    const queues = makeQueues((k) => bullmqQueue(queueName(k, config.region), { redisUrl, ...hooks(queueName(k, config.region)) }));
    registerQueueDepth(registry, Object.values(queues));
    const worker = runWorker(config, db, logger, queues, kinds, metrics);
    const alerts = runAlerts(config, db, logger); // safe in several workers: events and deliveries are claimed
    logger.info({ region: config.region, kinds: worker.kinds }, 'worker started');
    const idle = Object.entries(queues).filter(([k]) => !worker.kinds.includes(k as ProbeKind)).map(([, q]) => q);
    await signals.closeWith([{ name: 'worker', close: worker.close }, alerts, ...await metricsEndpoint(config, registry, metricsPort),
      { name: 'idle queues', close: () => Promise.all(idle.map((q) => q.close())) }, { name: 'database', close: () => db.close() }], logger);
    return 0;
  },
};
