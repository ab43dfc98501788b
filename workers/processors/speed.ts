// The speed processor: measure the page with Lighthouse (in child processes, one run at a time)
// under the default rule set's profile and weights, store the measurement.
import { probeSpeed } from '../../probes/speed/probe-speed.ts';
import { insertSpeedMeasurement, speedSlotStored } from '../../db/store/speed-measurements.ts';
import { ruleSets, defaultRuleSetId } from '../../config/rulesets/index.ts';
import type { SpeedProfileName } from '../../probes/speed/profiles/index.ts';
import type { Processor } from '../run-worker.ts';
import type { ProcessorDeps } from './index.ts';

export function speedProcessor(deps: ProcessorDeps): Processor {
  const rules = ruleSets.get(defaultRuleSetId)!.speed;
  return async (job, signal) => {
    if (await speedSlotStored(deps.db, job)) return;
    const result = await probeSpeed({ url: job.url }, {
      allowPrivate: deps.config.allowPrivateTargets,
      chromePath: deps.config.chromePath,
      runs: deps.config.speedRuns,
      profile: rules.profile as SpeedProfileName,
      weights: { performance: rules.performanceWeight, structure: rules.structureWeight },
    }, signal);
    const stored = await insertSpeedMeasurement(deps.db, job, result, deps.now());
    deps.logger.info({ target: job.targetId, outcome: result.outcome, percentage: result.outcome === 'measured' ? result.percentage : undefined, stored }, 'speed measurement');
  };
}
