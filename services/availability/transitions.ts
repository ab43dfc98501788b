// Outage transitions of a combined timeline (pure). Unobserved time neither opens nor closes an
// outage: down → unobserved → down is one outage (one outage_opened), and it closes at the first
// up segment. Only transitions at or after `fromMs` are returned; what comes before only sets the
// state (the evaluator passes the context it loaded before the re-evaluated range).
import type { AvailabilityEvent, Segment } from './types.ts';

export function outageTransitions(segments: readonly Segment[], fromMs: number, initial: 'up' | 'down' | null = null): AvailabilityEvent[] {
  const out: AvailabilityEvent[] = [];
  let last = initial;
  let openedAt: number | null = null;
  for (const seg of segments) {
    if (seg.state === 'unobserved') continue;
    if (seg.state === 'down' && last !== 'down') {
      openedAt = seg.startMs;
      if (seg.startMs >= fromMs) out.push({ kind: 'outage_opened', atMs: seg.startMs, cause: seg.cause, regions: seg.regions, details: {} });
    }
    if (seg.state === 'up' && last === 'down' && seg.startMs >= fromMs) {
      const details = openedAt === null ? {} : { openedAt: new Date(openedAt).toISOString(), durationMs: seg.startMs - openedAt };
      out.push({ kind: 'outage_closed', atMs: seg.startMs, cause: null, regions: seg.regions, details });
    }
    last = seg.state;
  }
  return out;
}
