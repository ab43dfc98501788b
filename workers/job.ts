// The job model every queue, scheduler and worker shares: one probe of one target from one region
// for one time slot. Its id is deterministic, so the same slot can never be enqueued twice.
export const probeKinds = ['uptime', 'tls', 'speed'] as const;
export type ProbeKind = (typeof probeKinds)[number];

export type ProbeJob = {
  readonly kind: ProbeKind;
  readonly targetId: number;
  readonly url: string;
  readonly region: string;
  /** Start of the time slot, epoch milliseconds (UTC). */
  readonly slotMs: number;
};

/** "-"-separated, never ":" (BullMQ's key separator) and never all digits (BullMQ's own ids). */
export function jobId(job: Pick<ProbeJob, 'kind' | 'targetId' | 'region' | 'slotMs'>): string {
  return `${job.kind}-${job.targetId}-${job.region}-${job.slotMs}`;
}

/** The queue of one probe kind in one region. */
export function queueName(kind: ProbeKind, region: string): string {
  return `probe-${kind}-${region}`;
}
