// The GTmetrix-style grade on hand-written LHR fragments (no browser).
import { describe, expect, it } from 'vitest';
import {
  combinedPercentage, defaultGradeWeights, median, performanceScore, structureEntries, structureScore,
} from '../../../probes/speed/grade.ts';
import { auditVerdict } from '../../../probes/speed/structure-audits.ts';
import { topAdvice } from '../../../probes/speed/advice.ts';
import type { LhrAudit, LighthouseResult } from '../../../probes/speed/types.ts';

function audit(id: string, score: number | null, mode = 'metricSavings', extra: Partial<LhrAudit> = {}): LhrAudit {
  return { id, title: id, score, scoreDisplayMode: mode, ...extra };
}

function lhr(audits: LhrAudit[], performance: number | null = 0.8): LighthouseResult {
  return {
    lighthouseVersion: '13.5.0', finalDisplayedUrl: 'http://x/', runWarnings: [],
    environment: { hostUserAgent: '', networkUserAgent: '' },
    categories: { performance: { score: performance } },
    audits: Object.fromEntries(audits.map((a) => [a.id, a])),
  };
}

describe('structure score', () => {
  it('is the weighted mean of the verdicts: a failing high-impact audit costs 3 times a low one', () => {
    const entries = structureEntries(lhr([
      audit('render-blocking-insight', 0), // weight 3
      audit('cache-insight', 1), // weight 1
      audit('unused-javascript', 1), // weight 2
    ]));
    expect(structureScore(entries)).toBeCloseTo((100 * (0 + 1 + 2)) / 6, 6);
    const lowFails = structureEntries(lhr([audit('render-blocking-insight', 1), audit('cache-insight', 0)]));
    expect(structureScore(lowFails)).toBeCloseTo(75, 6);
  });

  it('counts not-applicable audits as passed and leaves informative, error and unknown ones out', () => {
    expect(auditVerdict(audit('a', null, 'notApplicable'))).toBe(1);
    expect(auditVerdict(audit('a', 1, 'informative'))).toBeNull();
    expect(auditVerdict(audit('a', null, 'error'))).toBeNull();
    expect(auditVerdict(audit('a', 0.5, 'numeric'))).toBe(0.5);
    const entries = structureEntries(lhr([
      audit('render-blocking-insight', null, 'notApplicable'),
      audit('cache-insight', 0, 'error'),
      audit('not-a-structure-audit', 0),
    ]));
    expect(entries).toEqual([{ auditId: 'render-blocking-insight', weight: 3, score: 1 }]);
    expect(structureScore([])).toBeNull();
  });
});

describe('combined percentage', () => {
  it('defaults to 60 % performance + 40 % structure and takes other weights as input', () => {
    expect(defaultGradeWeights).toEqual({ performance: 0.6, structure: 0.4 });
    expect(combinedPercentage(80, 50, defaultGradeWeights)).toBeCloseTo(68, 6);
    expect(combinedPercentage(80, 50, { performance: 0.7, structure: 0.3 })).toBeCloseTo(71, 6);
    expect(combinedPercentage(80, 50, { performance: 70, structure: 30 })).toBeCloseTo(71, 6);
  });

  it('reads the performance score as 0..100 and is null when Lighthouse gave none', () => {
    expect(performanceScore(lhr([], 0.79))).toBeCloseTo(79, 6);
    expect(performanceScore(lhr([], null))).toBeNull();
  });

  it('takes the median of odd and even run counts', () => {
    expect(median([70, 90, 80])).toBe(80);
    expect(median([70, 90, 80, 60])).toBe(75);
  });
});

describe('advice', () => {
  it('lists failing structure audits, biggest estimated savings first, and skips passing ones', () => {
    const advice = topAdvice(lhr([
      audit('render-blocking-insight', 0, 'metricSavings', { metricSavings: { FCP: 1800, LCP: 1700 } }),
      audit('unused-css-rules', 0.5, 'metricSavings', { details: { overallSavingsMs: 0, overallSavingsBytes: 62_000 } }),
      audit('bootup-time', 0, 'metricSavings', { details: { overallSavingsMs: 2500 } }),
      audit('cache-insight', 1),
    ]));
    expect(advice.map((a) => a.auditId)).toEqual(['bootup-time', 'render-blocking-insight', 'unused-css-rules']);
    expect(advice[1]).toMatchObject({ savingsMs: 1800, savingsBytes: 0 });
    expect(advice[2]).toMatchObject({ savingsMs: 0, savingsBytes: 62_000 });
  });
});
