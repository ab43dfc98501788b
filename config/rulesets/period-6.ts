// Period 6 (1399) of the national assessment, from ../shared/methodology.md, with Sanjeh's
// documented readings where the reports are silent: the uptime window is the 30 days ending at
// the period's close; A+ and A- score like A; E, T and M like F; a target observed for less than
// half the window is "no measurement" (0.5 for uptime, as the published table did). The reports
// give no rule for unmeasured speed or TLS: Sanjeh scores them 0, like a failing page or no HTTPS.
import { parseRuleSet } from './rule-set.ts';

export const period6 = parseRuleSet({
  id: 'period-6',
  version: 1,
  name: { fa: 'قواعد دوره ششم', en: 'Period 6 rules' },
  source: 'National report on e-government service quality, period 6 (1399); shared/methodology.md',
  uptime: {
    windowDays: 30,
    bands: [{ min: 99, score: 1 }, { min: 90, score: 0.5 }],
    floorScore: 0,
    decimals: 2,
    minObservedShare: 0.5,
    noMeasurementScore: 0.5,
    maintenanceCountsAsDowntime: true,
  },
  speed: {
    profile: 'gtmetrix-desktop',
    performanceWeight: 0.6,
    structureWeight: 0.4,
    bands: [{ min: 90, score: 1 }, { min: 80, score: 0.75 }, { min: 70, score: 0.5 }, { min: 60, score: 0.25 }],
    floorScore: 0,
    combine: 'median',
    noMeasurementScore: 0,
  },
  tls: {
    grades: { 'A+': 0.5, A: 0.5, 'A-': 0.5, B: 0.4, C: 0, D: 0, E: 0, F: 0, T: 0, M: 0 },
    noHttps: 0,
    combine: 'latest',
    noMeasurementScore: 0,
  },
  agency: { aggregate: 'portal_only' },
  qualityBands: [
    { min: 75, name: { fa: 'عالی', en: 'excellent' } },
    { min: 50, name: { fa: 'خوب', en: 'good' } },
    { min: 25, name: { fa: 'متوسط', en: 'medium' } },
    { min: 0, name: { fa: 'ضعیف', en: 'weak' } },
  ],
});
