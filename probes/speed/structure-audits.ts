// The audits behind the "structure" score, as data (style P5). GTmetrix's Structure score
// (since late 2020) is the share of its Lighthouse-based audits a page passes, each weighted by
// its impact on the performance metrics (high, medium-high, medium, low). Lighthouse 13 replaced
// most opportunities with "insight" audits; this list approximates GTmetrix's set with those
// insights plus the diagnostics that remained:
//   impact high (weight 3):   render-blocking, document latency (TTFB, redirects, compression),
//                             LCP discovery, image delivery
//   medium-high (weight 2):   network dependency tree, layout-shift culprits, unused JS,
//                             JS boot-up time, main-thread work, total byte weight
//   medium/low (weight 1):    cache lifetimes, font-display, DOM size, third parties, duplicated
//                             and legacy JS, modern HTTP, forced reflow, viewport, unused CSS,
//                             unminified JS and CSS
// Weights are ours, not GTmetrix's (which are unpublished); changing this list or a weight
// changes what "structure" means, so it is versioned with the rule set that uses it.
import type { LhrAudit } from './types.ts';

export type StructureAudit = {
  readonly id: string;
  readonly meta: { readonly weight: 1 | 2 | 3; readonly affects: readonly string[] };
  /** 0..1, or null when the audit says nothing about this page (it is then left out). */
  score(audit: LhrAudit): number | null;
};

/**
 * Scored modes count with Lighthouse's score; "not applicable" is a pass (nothing to fix, as in
 * GTmetrix); informative, manual and error audits carry no verdict and are left out.
 */
export function auditVerdict(audit: LhrAudit): number | null {
  if (audit.scoreDisplayMode === 'notApplicable') return 1;
  const scored = ['numeric', 'binary', 'metricSavings'].includes(audit.scoreDisplayMode);
  return scored && audit.score !== null ? audit.score : null;
}

const rows: ReadonlyArray<readonly [string, 1 | 2 | 3, readonly string[]]> = [
  ['render-blocking-insight', 3, ['FCP', 'LCP']],
  ['document-latency-insight', 3, ['FCP', 'LCP']],
  ['lcp-discovery-insight', 3, ['LCP']],
  ['image-delivery-insight', 3, ['LCP']],
  ['network-dependency-tree-insight', 2, ['LCP']],
  ['cls-culprits-insight', 2, ['CLS']],
  ['unused-javascript', 2, ['FCP', 'LCP']],
  ['bootup-time', 2, ['TBT']],
  ['mainthread-work-breakdown', 2, ['TBT']],
  ['total-byte-weight', 2, ['LCP']],
  ['cache-insight', 1, ['FCP', 'LCP']],
  ['font-display-insight', 1, ['FCP']],
  ['dom-size-insight', 1, ['TBT']],
  ['third-parties-insight', 1, ['TBT']],
  ['duplicated-javascript-insight', 1, ['TBT']],
  ['legacy-javascript-insight', 1, ['TBT']],
  ['modern-http-insight', 1, ['FCP', 'LCP']],
  ['forced-reflow-insight', 1, ['TBT']],
  ['viewport-insight', 1, ['TBT']],
  ['unused-css-rules', 1, ['FCP']],
  ['unminified-javascript', 1, ['FCP']],
  ['unminified-css', 1, ['FCP']],
];

export const structureAudits: readonly StructureAudit[] = rows.map(([id, weight, affects]) => ({
  id, meta: { weight, affects }, score: auditVerdict,
}));
