// The confirmation rule (issue 3, "Down is confirmed"): a slot's attempts (the check and its
// retries) change a region's state only when they all agree and all were made. A failed check
// followed by a successful retry is not an outage; a success followed by a failed recovery retry
// does not end one. Anything undecided keeps the previous state (up when nothing came before).
import type { UptimeOutcome } from '../../probes/uptime/result.ts';

export type RegionState = 'up' | 'down';

export function slotVerdict(outcomes: readonly UptimeOutcome[], prev: RegionState | null, retries: number): RegionState {
  const downs = outcomes.filter((o) => o === 'down').length;
  const complete = outcomes.length >= retries + 1;
  if (downs === outcomes.length) return complete ? 'down' : (prev ?? 'up');
  if (downs === 0) return prev === 'down' && !complete ? 'down' : 'up';
  return prev ?? 'up';
}
