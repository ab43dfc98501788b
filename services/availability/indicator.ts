// Indicator 3 for one target and one window: the exact evidence from the stored intervals, scored
// by the rule set of the period. The default window is the rule set's windowDays ending at `to`.
import type { Db } from '../../db/client.ts';
import type { UptimeRules } from '../../config/rulesets/rule-set.ts';
import { uptimeForWindow, type UptimeWindow } from '../../db/store/availability.ts';
import { scoreUptime, type UptimeScore } from '../scoring/indicators/uptime.ts';

export type UptimeIndicator = { from: Date; to: Date; evidence: UptimeWindow; score: UptimeScore };

export function ruleWindow(rules: UptimeRules, to: Date): { from: Date; to: Date } {
  return { from: new Date(to.getTime() - rules.windowDays * 86_400_000), to };
}

export async function uptimeIndicator(db: Db, targetId: number, rules: UptimeRules, from: Date, to: Date): Promise<UptimeIndicator> {
  const evidence = await uptimeForWindow(db, targetId, from, to);
  return { from, to, evidence, score: scoreUptime(rules, evidence) };
}
