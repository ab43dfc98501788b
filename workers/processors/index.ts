// The registry of probe processors, one per probe kind, each in its own file. A kind missing here
// is neither scheduled nor consumed.
import type { Db } from '../../db/client.ts';
import type { Logger } from 'pino';
import type { Config } from '../../config/env.ts';
import type { Processor } from '../run-worker.ts';
import type { ProbeKind } from '../job.ts';
import { tlsProcessor } from './tls.ts';
import { speedProcessor } from './speed.ts';
import { uptimeProcessorFrom } from './uptime.ts';

export type ProcessorDeps = { db: Db; config: Config; logger: Logger; now: () => number };

export function buildProcessors(deps: ProcessorDeps): Partial<Record<ProbeKind, Processor>> {
  return {
    uptime: uptimeProcessorFrom(deps),
    tls: tlsProcessor(deps),
    speed: speedProcessor(deps),
  };
}
