// The values the availability evaluator works on. All times are epoch milliseconds (UTC).
import type { UptimeOutcome } from '../../probes/uptime/result.ts';

/** One stored attempt of an uptime check (attempt 0 = the slot's check, 1..N = retries). */
export type CheckPoint = {
  readonly region: string;
  readonly slotMs: number;
  readonly attempt: number;
  readonly checkedMs: number;
  readonly outcome: UptimeOutcome;
  readonly errorClass: string | null;
};

/** A region's control round for one bucket: failed = more than half of the controls were down. */
export type ControlVerdict = { readonly region: string; readonly bucketMs: number; readonly failed: boolean };

export const unobservedCauses = ['no_checks', 'controls_failed', 'controls_pending'] as const;
export type UnobservedCause = (typeof unobservedCauses)[number];

export type Segment =
  | { startMs: number; endMs: number; state: 'up'; regions: string[]; /** slow: above the degraded threshold */ degraded?: boolean }
  | { startMs: number; endMs: number; state: 'down'; cause: string; regions: string[] }
  | { startMs: number; endMs: number; state: 'unobserved'; cause: UnobservedCause; regions: string[] };

export type TimelineSettings = {
  /** The uptime interval: a check observes the target for this long. */
  readonly intervalMs: number;
  /** A next check this late after the interval still continues the observation (queue jitter). */
  readonly graceMs: number;
  /** Confirmation retries after attempt 0 (UPTIME_RETRIES). */
  readonly retries: number;
  /** Control targets are configured: a bucket without control results is not yet observed. */
  readonly controlsRequired: boolean;
  /** Control buckets are floor(slot / bucketMs); equal to the interval. */
  readonly bucketMs: number;
};

export type AvailabilityEvent = {
  readonly kind: 'outage_opened' | 'outage_closed';
  readonly atMs: number;
  readonly cause: string | null;
  readonly regions: string[];
  readonly details: Record<string, unknown>;
};
