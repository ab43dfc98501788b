// The uptime processor (issue 3): for one (target, region, slot) it runs the region's control
// round if it is the bucket's first job, checks the target, confirms a failure (or, while the
// region sees the target down, a recovery) with UPTIME_RETRIES retries UPTIME_RETRY_DELAY_S apart,
// stores every attempt, looks for a mass outage, then re-derives the target's availability.
// A job run again (queue retry, stalled job) finds its slot stored and only re-evaluates: the
// unique (target, region, slot, attempt) key is the real guard against writing twice.
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import { checkPoints, insertCheck, slotOutcomes } from '../../db/store/checks.ts';
import { targetSettings } from '../../db/store/targets.ts';
import { uptimeOptionsFor } from '../../services/registry/target-settings.ts';
import { dropExpiredPartitions } from '../../db/store/check-partitions.ts';
import { oldestEvidenceNeeded } from '../../db/store/periods.ts';
import { defaultUptimeOptions, type UptimeOptions } from '../../probes/uptime/options.ts';
import { probeUptime } from '../../probes/uptime/probe-uptime.ts';
import type { UptimeOutcome } from '../../probes/uptime/result.ts';
import { runControlRound, type ProbeFn } from '../../services/availability/control-round.ts';
import { evaluateTarget } from '../../services/availability/evaluate-target.ts';
import { detectMassOutage } from '../../services/availability/mass-outage.ts';
import { lastRegionState } from '../../services/availability/region-timeline.ts';
import { availabilitySettings, type AvailabilitySettings } from '../../services/availability/settings.ts';
import type { ProbeJob } from '../job.ts';
import type { Processor } from '../run-worker.ts';
import type { ProcessorDeps } from './index.ts';

export type UptimeProcessorDeps = {
  db: Db;
  logger: Logger;
  now: () => number;
  /** Waits between confirmation attempts; tests inject one that advances their clock. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  probe: ProbeFn;
  probeOptions: UptimeOptions;
  settings: AvailabilitySettings;
};

type Attempts = { outcomes: UptimeOutcome[]; createdPartition: boolean };

/** The default probe options with the target's own assertions (keyword, statuses, thresholds). */
async function optionsFor(deps: UptimeProcessorDeps, job: ProbeJob): Promise<UptimeOptions> {
  const { options, invalid } = uptimeOptionsFor(deps.probeOptions, await targetSettings(deps.db, job.targetId));
  if (invalid) deps.logger.warn({ targetId: job.targetId, invalid }, 'invalid target settings ignored; defaults used');
  return { ...options, now: deps.now };
}

async function runAttempts(deps: UptimeProcessorDeps, job: ProbeJob, recovering: boolean, signal: AbortSignal): Promise<Attempts> {
  const options = await optionsFor(deps, job);
  const out: Attempts = { outcomes: [], createdPartition: false };
  for (let attempt = 0; attempt <= deps.settings.retries; attempt++) {
    if (attempt > 0) await deps.sleep(deps.settings.retryDelayMs, signal);
    const result = await deps.probe({ url: job.url }, options, signal);
    const stored = await insertCheck(deps.db, { targetId: job.targetId, region: job.region, slotMs: job.slotMs, attempt }, result);
    out.createdPartition ||= stored.created;
    out.outcomes.push(result.outcome);
    if (result.outcome === 'down') deps.logger.info({ targetId: job.targetId, attempt, error: result.error }, 'uptime check failed');
    const firstDown = out.outcomes[0] === 'down';
    if (!firstDown && !recovering) break; // an up check while up needs no confirmation
    if (attempt > 0 && (result.outcome === 'down') !== firstDown) break; // disagreement: not confirmed
  }
  return out;
}

async function checkSlot(deps: UptimeProcessorDeps, job: ProbeJob, signal: AbortSignal): Promise<void> {
  const s = deps.settings;
  await runControlRound({ ...deps, controlUrls: s.controlUrls, bucketMs: s.bucketMs }, job.region, job.slotMs, signal);
  const before = await checkPoints(deps.db, job.targetId, job.slotMs - s.contextMs, job.slotMs, job.region);
  const recovering = lastRegionState(before, s.retries) === 'down';
  const { outcomes, createdPartition } = await runAttempts(deps, job, recovering, signal);
  if (outcomes.length === s.retries + 1 && outcomes.every((o) => o === 'down')) {
    if (await detectMassOutage(deps.db, job.region, job.slotMs, s)) deps.logger.warn({ region: job.region, slotMs: job.slotMs }, 'possible mass outage');
  }
  if (createdPartition) {
    // A new day's partition: the moment to drop expired ones, keeping every period's evidence.
    const keepAfter = await oldestEvidenceNeeded(deps.db);
    const dropped = await dropExpiredPartitions(deps.db, new Date(deps.now()), s.rawRetentionDays, keepAfter ?? undefined);
    if (dropped.length) deps.logger.info({ dropped }, 'expired raw check partitions dropped');
  }
}

export function uptimeProcessor(deps: UptimeProcessorDeps): Processor {
  return async (job, signal) => {
    const stored = await slotOutcomes(deps.db, { targetId: job.targetId, region: job.region, slotMs: job.slotMs });
    if (stored.length === 0) await checkSlot(deps, job, signal);
    await evaluateTarget(deps.db, job.targetId, deps.settings, deps.now());
  };
}

/** The processor with real probes and timers, from the registry's deps. */
export function uptimeProcessorFrom(deps: ProcessorDeps): Processor {
  return uptimeProcessor({
    db: deps.db,
    logger: deps.logger,
    now: deps.now,
    sleep: async (ms, signal) => { await delay(ms, undefined, { signal }); },
    probe: probeUptime,
    probeOptions: { ...defaultUptimeOptions, allowPrivate: deps.config.allowPrivateTargets, allowAddresses: deps.config.allowedTargetAddresses },
    settings: availabilitySettings(deps.config),
  });
}
