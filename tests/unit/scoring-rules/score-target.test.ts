// Period-6 rules on literal facts: one row per clause of the methodology.
import { describe, expect, it } from 'vitest';
import { period6 } from '../../../config/rulesets/period-6.ts';
import { parseRuleSet } from '../../../config/rulesets/rule-set.ts';
import { scoreTargetFacts, uptimeWindow, type TargetFacts } from '../../../services/scoring/score-target.ts';
import { scoreAgency } from '../../../services/scoring/score-agency.ts';
import { combineSpeed, pick, tlsRank } from '../../../services/scoring/combine.ts';
import { canonicalJson } from '../../../services/scoring/canonical-json.ts';
import type { TlsScanEvidence } from '../../../services/scoring/evidence.ts';

const DAY = 86_400_000;
const W = { fromMs: Date.UTC(2025, 1, 18), toMs: Date.UTC(2025, 1, 18) + 30 * DAY };
const windowS = 30 * 86_400;
const scan = (id: number, grade: TlsScanEvidence['grade'], noHttps = false): TlsScanEvidence => ({ id, at: new Date(W.fromMs + id * DAY).toISOString(), grade, noHttps });

function facts(over: Partial<TargetFacts> = {}): TargetFacts {
  return {
    uptime: { observedS: windowS, downtimeS: 0, unobservedS: 0, outages: [], unobserved: [] }, uptimeWindow: W,
    tls: [scan(1, 'A')], speed: [{ id: 1, at: '2025-02-20T00:00:00.000Z', percentage: 91, profile: 'gtmetrix-desktop' }], ...over,
  };
}
const score = (f: TargetFacts, i: 'uptime' | 'speed' | 'tls', rules = period6) => scoreTargetFacts(rules, f).find((s) => s.indicator === i)!;

describe('period-6 target scores', () => {
  it.each([
    [0, 1], [windowS * 0.01, 1], [windowS * 0.0101, 0.5], [windowS * 0.1, 0.5], [windowS * 0.1001, 0],
  ])('uptime with %d s down scores %d', (downtimeS, expected) => {
    expect(score(facts({ uptime: { observedS: windowS, downtimeS, unobservedS: 0, outages: [], unobserved: [] } }), 'uptime').score).toBe(expected);
  });

  it('less than half the window observed is no measurement (0.5), whatever the downtime', () => {
    const s = score(facts({ uptime: { observedS: windowS * 0.49, downtimeS: windowS * 0.4, unobservedS: windowS * 0.51, outages: [], unobserved: [] } }), 'uptime');
    expect(s).toMatchObject({ score: 0.5, raw: { uptimePct: null, unobservedS: windowS * 0.51 } });
  });

  it.each([[90, 1], [89, 0.75], [80, 0.75], [70, 0.5], [60, 0.25], [59, 0]])('speed %d %% scores %d', (pct, expected) => {
    expect(score(facts({ speed: [{ id: 1, at: 'x', percentage: pct, profile: 'gtmetrix-desktop' }] }), 'speed').score).toBe(expected);
  });

  it('speed: the median of the runs of the rule set\'s profile; other profiles are ignored; none is 0', () => {
    const runs = [95, 50, 85, 70].map((percentage, id) => ({ id, at: 'x', percentage, profile: 'gtmetrix-desktop' }));
    const s = score(facts({ speed: [...runs, { id: 9, at: 'x', percentage: 100, profile: 'mobile' }] }), 'speed');
    expect(s).toMatchObject({ raw: { percentage: 78, runs: 4 }, score: 0.5, evidence: { runIds: [0, 1, 2, 3] } });
    expect(score(facts({ speed: [] }), 'speed')).toMatchObject({ score: 0, raw: { percentage: null } });
  });

  it.each([['A+', 0.5], ['A', 0.5], ['A-', 0.5], ['B', 0.4], ['C', 0], ['F', 0], ['T', 0], ['M', 0]] as const)('TLS %s scores %d', (g, expected) => {
    expect(score(facts({ tls: [scan(1, g)] }), 'tls').score).toBe(expected);
  });

  it('TLS: the latest scan counts under period 6; no HTTPS scores 0; no scan is no measurement', () => {
    expect(score(facts({ tls: [scan(1, 'F'), scan(2, 'B')] }), 'tls')).toMatchObject({ raw: { grade: 'B' }, evidence: { scanId: 2 } });
    expect(score(facts({ tls: [scan(1, null, true)] }), 'tls')).toMatchObject({ raw: { grade: 'no_https' }, score: 0 });
    expect(score(facts({ tls: [] }), 'tls')).toMatchObject({ raw: { grade: null }, score: 0, evidence: { scanId: null } });
  });

  it('combines by worst, best and median when a rule set says so', () => {
    const scans = [scan(1, 'A'), scan(2, 'C'), scan(3, 'B'), scan(4, null, true)];
    expect(pick(scans, 'worst', tlsRank)!.id).toBe(4);
    expect(pick(scans, 'best', tlsRank)!.id).toBe(1);
    expect(pick(scans, 'median', tlsRank)!.id).toBe(2);
    expect(combineSpeed([10, 20, 90].map((percentage, id) => ({ id, at: 'x', percentage, profile: 'p' })), 'worst')).toBe(10);
  });

  it('the evidence digest changes with the evidence and not with key order', () => {
    const a = score(facts(), 'tls').evidenceDigest;
    expect(score(facts(), 'tls').evidenceDigest).toBe(a);
    expect(score(facts({ tls: [scan(2, 'A')] }), 'tls').evidenceDigest).not.toBe(a);
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });

  it('the uptime window is the last 30 days of the period, never before its start', () => {
    expect(uptimeWindow(period6, { fromMs: 0, toMs: 100 * DAY })).toEqual({ fromMs: 70 * DAY, toMs: 100 * DAY });
    expect(uptimeWindow(period6, { fromMs: 0, toMs: 10 * DAY })).toEqual({ fromMs: 0, toMs: 10 * DAY });
  });

  it('an agency: its portal under period 6, the mean of its targets when the rule set says so', () => {
    const portal = { targetId: 1, kind: 'portal' as const, scores: scoreTargetFacts(period6, facts()) };
    const service = { targetId: 2, kind: 'service' as const, scores: scoreTargetFacts(period6, facts({ tls: [scan(1, 'B')], speed: [] })) };
    expect(scoreAgency(period6, [portal, service]).map((s) => s.score)).toEqual([1, 1, 0.5]);
    const mean = parseRuleSet({ ...period6, version: 2, agency: { aggregate: 'mean_of_targets' } });
    const m = scoreAgency(mean, [{ ...portal, scores: scoreTargetFacts(mean, facts()) }, { ...service, scores: scoreTargetFacts(mean, facts({ tls: [scan(1, 'B')], speed: [] })) }]);
    expect(m.map((s) => [s.indicator, s.score])).toEqual([['uptime', 1], ['speed', 0.5], ['tls', 0.45]]);
    expect(scoreAgency(period6, []).map((s) => s.score)).toEqual([0.5, 0, 0]);
    // A portal replaced mid-period: the replacement (newer target) is the agency's portal.
    const replaced = { targetId: 7, kind: 'portal' as const, scores: scoreTargetFacts(period6, facts({ tls: [scan(1, 'F')] })) };
    const agency = scoreAgency(period6, [replaced, { ...portal, targetId: 3 }]);
    expect(agency.find((s) => s.indicator === 'tls')).toMatchObject({ score: 0, evidence: { targets: [{ targetId: 7 }] } });
  });
});
