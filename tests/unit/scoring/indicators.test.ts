// Period 6 rules, one row per clause of shared/methodology.md.
import { describe, expect, it } from 'vitest';
import { period6 } from '../../../config/rulesets/period-6.ts';
import { parseRuleSet, RuleSetError } from '../../../config/rulesets/rule-set.ts';
import { scoreUptime } from '../../../services/scoring/indicators/uptime.ts';
import { scoreSpeed, speedPercentage } from '../../../services/scoring/indicators/speed.ts';
import { scoreTls } from '../../../services/scoring/indicators/tls.ts';
import { qualityBand } from '../../../services/scoring/indicators/quality.ts';

const day = 86_400;
const win = 30 * day;

describe('indicator 3 under period 6', () => {
  it.each([
    [0, 100, 1], [win * 0.01, 99, 1], [win * 0.0101, 98.99, 0.5], [win * 0.1, 90, 0.5], [win * 0.1001, 89.99, 0],
  ])('downtime %ss of 30 days → %s %% → %s', (downtimeS, pct, score) => {
    expect(scoreUptime(period6.uptime, { windowS: win, observedS: win, downtimeS })).toMatchObject({ measured: true, uptimePct: pct, score });
  });

  it('excludes unobserved time and reports it', () => {
    const r = scoreUptime(period6.uptime, { windowS: win, observedS: win - 2 * 3600, downtimeS: 0 });
    expect(r).toMatchObject({ measured: true, uptimePct: 100, unobservedS: 7200, score: 1 });
  });

  it('18 minutes down in a 30-hour window is 99.00 % and scores 1', () => {
    expect(scoreUptime(period6.uptime, { windowS: 30 * 3600, observedS: 30 * 3600, downtimeS: 18 * 60 })).toMatchObject({ uptimePct: 99, score: 1 });
  });

  it('observed for less than half the window is "no measurement", scored 0.5', () => {
    expect(scoreUptime(period6.uptime, { windowS: win, observedS: win * 0.49, downtimeS: 0 })).toMatchObject({ measured: false, score: 0.5 });
    expect(scoreUptime(period6.uptime, { windowS: win, observedS: win * 0.5, downtimeS: 0 })).toMatchObject({ measured: true, score: 1 });
  });
});

describe('indicator 4 under period 6', () => {
  it.each([[100, 1], [90, 1], [89, 0.75], [80, 0.75], [79, 0.5], [70, 0.5], [69, 0.25], [60, 0.25], [59, 0], [0, 0]])(
    '%s %% → %s', (pct, score) => expect(scoreSpeed(period6.speed, pct)).toBe(score));
  it('combines 60 % performance and 40 % structure', () => {
    expect(speedPercentage(period6.speed, 80, 100)).toBe(88);
  });
  it('an unmeasured page scores the rule set\'s no-measurement score', () => {
    expect(scoreSpeed(period6.speed, null)).toBe(0);
  });
});

describe('indicator 5 under period 6', () => {
  it.each([['A+', 0.5], ['A', 0.5], ['A-', 0.5], ['B', 0.4], ['C', 0], ['D', 0], ['E', 0], ['F', 0], ['T', 0], ['M', 0]] as const)(
    'grade %s → %s', (grade, score) => expect(scoreTls(period6.tls, { grade })).toBe(score));
  it('no HTTPS → 0', () => expect(scoreTls(period6.tls, { noHttps: true })).toBe(0));
});

describe('rule sets', () => {
  it('maps quality levels', () => {
    expect(qualityBand(period6, 80).name.en).toBe('excellent');
    expect(qualityBand(period6, 50).name.fa).toBe('خوب');
    expect(qualityBand(period6, 10).name.en).toBe('weak');
  });

  it('rejects a rule set that leaves a field undefined, naming it', () => {
    const { tls, ...rest } = period6;
    const { M, ...grades } = tls.grades;
    expect(() => parseRuleSet({ ...rest, tls: { ...tls, grades } })).toThrow(RuleSetError);
    expect(() => parseRuleSet({ ...rest, tls: { ...tls, grades } })).toThrow(/tls\.grades\.M/);
    expect(() => parseRuleSet(rest)).toThrow(/tls/);
    expect(M).toBe(0);
  });

  it('rejects speed weights that do not add up to 1', () => {
    expect(() => parseRuleSet({ ...period6, speed: { ...period6.speed, structureWeight: 0.5 } })).toThrow(/weights must add up to 1/);
  });
});
