// Per-target cadence overrides from targets.settings, e.g. {"intervalsS": {"uptime": 30}}. The
// settings column is free-form JSON edited by people, so it is parsed here, at the edge: a value
// that is not a whole number of seconds in range is ignored (the kind's default applies).
import { probeKinds, type ProbeKind } from '../../workers/job.ts';

export const overrideRangeS = { min: 10, max: 30 * 86_400 } as const;

export function cadenceOverridesMs(settings: unknown): Partial<Record<ProbeKind, number>> | undefined {
  if (typeof settings !== 'object' || settings === null) return undefined;
  const raw = (settings as { intervalsS?: unknown }).intervalsS;
  if (typeof raw !== 'object' || raw === null) return undefined;
  const out: Partial<Record<ProbeKind, number>> = {};
  for (const kind of probeKinds) {
    const s = (raw as Record<string, unknown>)[kind];
    if (typeof s === 'number' && Number.isInteger(s) && s >= overrideRangeS.min && s <= overrideRangeS.max) out[kind] = s * 1000;
  }
  return Object.keys(out).length ? out : undefined;
}
