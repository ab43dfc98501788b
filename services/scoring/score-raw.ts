// Applies a rule set to raw values typed by hand (`sanjeh score`), for checking the rules.
// A value left out is "no measurement" and gets the rule set's score for that.
import { tlsSymbols, type RuleSet, type TlsSymbol } from '../../config/rulesets/rule-set.ts';
import { scoreByBands } from './indicators/bands.ts';
import { scoreSpeed } from './indicators/speed.ts';
import { scoreTls } from './indicators/tls.ts';
import { qualityBand } from './indicators/quality.ts';
import type { Indicator } from './score-target.ts';

export type RawValues = { uptimePct?: number; speedPct?: number; tlsGrade?: TlsSymbol | 'no_https' };
export type RawScore = { indicator: Indicator; raw: number | string | null; score: number; band: { fa: string; en: string } };

export const tlsInputs = [...tlsSymbols, 'no_https'] as const;

export function scoreRawValues(rules: RuleSet, v: RawValues): RawScore[] {
  const band = (s: number) => qualityBand(rules, s * 100).name;
  const u = rules.uptime;
  const uptimeScore = v.uptimePct === undefined ? u.noMeasurementScore
    : scoreByBands(Math.round(v.uptimePct * 10 ** u.decimals) / 10 ** u.decimals, u.bands, u.floorScore);
  const speedScore = scoreSpeed(rules.speed, v.speedPct ?? null);
  const tlsScore = scoreTls(rules.tls, v.tlsGrade === undefined ? null : v.tlsGrade === 'no_https' ? { noHttps: true } : { grade: v.tlsGrade });
  return [
    { indicator: 'uptime', raw: v.uptimePct ?? null, score: uptimeScore, band: band(uptimeScore) },
    { indicator: 'speed', raw: v.speedPct ?? null, score: speedScore, band: band(speedScore) },
    { indicator: 'tls', raw: v.tlsGrade ?? null, score: tlsScore, band: band(tlsScore) },
  ];
}
