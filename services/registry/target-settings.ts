// Per-target uptime assertions, kept in targets.settings under "uptime", e.g.
//   {"uptime": {"keyword": "سامانه", "keywordMode": "present", "acceptStatus": "200-299",
//               "degradedAfterMs": 3000, "timeoutMs": 10000}}
// (cadence overrides live beside it under "intervalsS", read by services/scheduler/target-cadence.ts).
// The column is edited by people, so it is parsed here, at the edge; the API validates on write
// with the same schema, and a bad stored value falls back to the defaults with a reason.
import { z } from 'zod';
import type { UptimeOptions } from '../../probes/uptime/options.ts';

const statusRanges = z.string().regex(/^\d{3}(-\d{3})?(,\d{3}(-\d{3})?)*$/, { error: 'status ranges like "200-399,404"' });

export const uptimeSettingsSchema = z.object({
  keyword: z.string().min(1).max(200).optional(),
  keywordMode: z.enum(['present', 'absent']).default('present'),
  acceptStatus: statusRanges.optional(),
  degradedAfterMs: z.number().int().min(100).max(120_000).optional(),
  timeoutMs: z.number().int().min(1_000).max(60_000).optional(),
  maxRedirects: z.number().int().min(0).max(20).optional(),
}).strict();

export type UptimeSettings = z.input<typeof uptimeSettingsSchema>;

function ranges(spec: string): Array<readonly [number, number]> {
  return spec.split(',').map((part) => {
    const [lo, hi] = part.split('-').map(Number) as [number, number | undefined];
    return [lo, hi ?? lo] as const;
  });
}

export type AppliedSettings = { options: UptimeOptions; invalid?: string };

/** The probe options for one target: the defaults overridden by its valid "uptime" settings. */
export function uptimeOptionsFor(base: UptimeOptions, settings: unknown): AppliedSettings {
  const raw = (settings as { uptime?: unknown } | null)?.uptime;
  if (raw === undefined) return { options: base };
  const parsed = uptimeSettingsSchema.safeParse(raw);
  if (!parsed.success) return { options: base, invalid: parsed.error.issues.map((i) => `uptime.${i.path.join('.')}: ${i.message}`).join('; ') };
  const s = parsed.data;
  return {
    options: {
      ...base,
      ...(s.keyword ? { keyword: { text: s.keyword, mode: s.keywordMode } } : {}),
      ...(s.acceptStatus ? { acceptStatus: ranges(s.acceptStatus) } : {}),
      ...(s.degradedAfterMs !== undefined ? { degradedAfterMs: s.degradedAfterMs } : {}),
      ...(s.timeoutMs !== undefined ? { timeoutMs: s.timeoutMs } : {}),
      ...(s.maxRedirects !== undefined ? { maxRedirects: s.maxRedirects } : {}),
    },
  };
}
