// The availability settings, from the validated config once (P8), passed down as values.
import type { Config } from '../../config/env.ts';
import type { TimelineSettings } from './types.ts';

export type AvailabilitySettings = TimelineSettings & {
  readonly retryDelayMs: number;
  readonly quorumShare: number;
  readonly massOutageShare: number;
  readonly controlUrls: readonly string[];
  readonly rawRetentionDays: number;
  /** How far back each evaluation re-derives stored intervals (late retries, late controls). */
  readonly lookbackMs: number;
  /** Checks loaded before the re-derived range, to know the state at its start. */
  readonly contextMs: number;
};

export function availabilitySettings(config: Config): AvailabilitySettings {
  const a = config.availability;
  const intervalMs = config.intervalsS.uptime * 1000;
  return Object.freeze({
    intervalMs,
    bucketMs: intervalMs,
    // The retries of a slot and one overall timeout may delay the next slot's first attempt.
    graceMs: Math.max(intervalMs / 2, a.retries * a.retryDelayS * 1000 + 15_000),
    retries: a.retries,
    retryDelayMs: a.retryDelayS * 1000,
    controlsRequired: a.controlTargets.length > 0,
    controlUrls: a.controlTargets,
    quorumShare: a.quorumShare,
    massOutageShare: a.massOutageShare,
    rawRetentionDays: a.rawRetentionDays,
    lookbackMs: Math.max(3_600_000, 5 * intervalMs),
    contextMs: Math.max(3_600_000, 5 * intervalMs),
  });
}
