// `sanjeh api`, `sanjeh scheduler`, `sanjeh worker`: one part each, for separate processes that
// share Postgres (DATABASE_URL) and Redis (REDIS_URL).
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../../../config/env.ts';
import { UsageError, type CliCommand } from '../command.ts';
import { createLogger } from '../../runtime/logger.ts';
import { openStore } from '../../runtime/open-store.ts';
import { closeOnSignals } from '../../runtime/shutdown.ts';
import { makeQueues, probingKinds, runApi, runScheduler, runWorker } from '../../runtime/components.ts';
import { redisReadiness } from '../../runtime/redis-readiness.ts';
import { bullmqQueue } from '../../../workers/queue-bullmq.ts';
import { probeKinds, type ProbeKind } from '../../../workers/job.ts';

function needRedis(config: Config, what: string): string {
  if (!config.redisUrl) throw new UsageError(`sanjeh ${what} needs REDIS_URL (and DATABASE_URL); for a single process without them use \`npm start\``);
  return config.redisUrl;
}

export const apiCommand: CliCommand = {
  name: ['api'],
  usage: 'api',
  summary: 'run the REST API',
  async run() {
    const config = loadConfig();
    const logger = createLogger(config, 'sanjeh-api');
    const db = await openStore(config, logger);
    const redis = config.redisUrl ? redisReadiness(config.redisUrl) : undefined;
    const api = await runApi(config, db, logger, redis ? [redis] : []);
    await closeOnSignals([api, { name: 'redis', close: async () => redis?.close() }, { name: 'database', close: () => db.close() }], logger);
    return 0;
  },
};

export const schedulerCommand: CliCommand = {
  name: ['scheduler'],
  usage: 'scheduler',
  summary: 'enqueue probe jobs on schedule (needs REDIS_URL)',
  async run() {
    const config = loadConfig();
    const redisUrl = needRedis(config, 'scheduler');
    const logger = createLogger(config, 'sanjeh-scheduler');
    const db = await openStore(config, logger);
    const queues = makeQueues((k) => bullmqQueue(`probe-${k}-${config.region}`, { redisUrl }));
    const scheduler = runScheduler(config, db, logger, queues, probingKinds(config, db, logger));
    await closeOnSignals([{ name: 'scheduler', close: scheduler.close },
      ...Object.entries(queues).map(([k, q]) => ({ name: `queue ${k}`, close: () => q.close() })),
      { name: 'database', close: () => db.close() }], logger);
    return 0;
  },
};

export const workerCommand: CliCommand = {
  name: ['worker'],
  usage: 'worker [--probes uptime,tls,speed] [--region NAME]',
  summary: 'run probes from the queues and store results (needs REDIS_URL)',
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { probes: { type: 'string' }, region: { type: 'string' } } });
    const kinds = (values.probes ?? probeKinds.join(',')).split(',').map((s) => s.trim());
    const bad = kinds.filter((k) => !(probeKinds as readonly string[]).includes(k));
    if (bad.length) throw new UsageError(`--probes: unknown probe kind(s) ${bad.join(', ')}; expected some of ${probeKinds.join(',')}`);
    const config = loadConfig(values.region ? { ...process.env, REGION: values.region } : process.env);
    const redisUrl = needRedis(config, 'worker');
    const logger = createLogger(config, 'sanjeh-worker');
    const db = await openStore(config, logger, { seed: false });
    const queues = makeQueues((k) => bullmqQueue(`probe-${k}-${config.region}`, { redisUrl }));
    const worker = runWorker(config, db, logger, queues, kinds as ProbeKind[]);
    logger.info({ region: config.region, kinds: worker.kinds }, 'worker started');
    await closeOnSignals([{ name: 'worker', close: worker.close }, { name: 'database', close: () => db.close() }], logger);
    return 0;
  },
};
