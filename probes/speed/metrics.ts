// The metrics of a run, read from Lighthouse's audits (numericValue, in ms unless named).
import type { LighthouseResult, SpeedMetrics } from './types.ts';

function numeric(lhr: LighthouseResult, id: string): number | null {
  const v = lhr.audits[id]?.numericValue;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function requestCount(lhr: LighthouseResult): number | null {
  const items = lhr.audits['network-requests']?.details?.items;
  return Array.isArray(items) ? items.length : null;
}

export function readMetrics(lhr: LighthouseResult): SpeedMetrics {
  return {
    fcpMs: numeric(lhr, 'first-contentful-paint'),
    lcpMs: numeric(lhr, 'largest-contentful-paint'),
    tbtMs: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    speedIndexMs: numeric(lhr, 'speed-index'),
    // server-response-time is the main document's time to first byte as Lighthouse observed it.
    ttfbMs: numeric(lhr, 'server-response-time'),
    interactiveMs: numeric(lhr, 'interactive'),
    pageBytes: numeric(lhr, 'total-byte-weight'),
    requestCount: requestCount(lhr),
  };
}
