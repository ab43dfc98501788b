// Result and error shapes of the speed probe (issue 5). A page that fails to load gets a classified
// error, never a score of 0 that would read as a slow page (style P6). Every `switch (e.class)`
// over SpeedError must stay exhaustive.
export type SpeedErrorClass =
  | 'dns_failure' | 'http_status' | 'tls_error' | 'page_timeout' | 'no_content' | 'not_html'
  | 'connection_failed' | 'egress_denied' | 'invalid_url' | 'browser_failure' | 'lighthouse_error'
  | 'aborted';

export type SpeedError =
  | { class: 'http_status'; status: number; reason: string }
  | { class: Exclude<SpeedErrorClass, 'http_status'>; reason: string };

/** Weights of the GTmetrix-style grade; rule-set data (issue 5: 60/40 today, 70/30 in late 2020). */
export type GradeWeights = { readonly performance: number; readonly structure: number };

/** Metrics of the representative run; every quantity names its unit. */
export type SpeedMetrics = {
  fcpMs: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  speedIndexMs: number | null;
  ttfbMs: number | null;
  interactiveMs: number | null;
  pageBytes: number | null;
  requestCount: number | null;
};

export type SpeedAdvice = {
  auditId: string;
  title: string;
  score: number | null;
  savingsMs: number;
  savingsBytes: number;
};

export type StructureEntry = { auditId: string; weight: number; score: number };

/** The subset of Lighthouse's LHR this probe reads (the full object is kept as evidence). */
export type LhrAudit = {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  numericValue?: number;
  metricSavings?: Record<string, number | undefined>;
  details?: { type?: string; overallSavingsMs?: number; overallSavingsBytes?: number; items?: unknown[] };
};
export type LighthouseResult = {
  lighthouseVersion: string;
  requestedUrl?: string;
  finalDisplayedUrl: string;
  runtimeError?: { code: string; message: string };
  runWarnings: string[];
  environment: { hostUserAgent: string; networkUserAgent: string };
  categories: { performance?: { score: number | null } };
  audits: Record<string, LhrAudit | undefined>;
};

type Provenance = {
  url: string;
  profile: string;
  settingsHash: string;
  lighthouseVersion: string | null;
  chromiumVersion: string | null;
  runsRequested: number;
  runsAttempted: number;
};

export type SpeedResult =
  | (Provenance & {
      outcome: 'measured';
      finalUrl: string;
      runsUsed: number;
      /** Per-run scores 0..100, in run order: the spread is evidence of stability. */
      runPerformance: number[];
      runStructure: number[];
      /** Median over the runs, 0..100. */
      performance: number;
      structure: number;
      /** weights.performance × performance + weights.structure × structure, 0..100. */
      percentage: number;
      weights: GradeWeights;
      metrics: SpeedMetrics;
      structureAudits: StructureEntry[];
      advice: SpeedAdvice[];
      warnings: string[];
      /** gzip of the representative run's LHR JSON (Lighthouse's computeMedianRun). */
      reportGzip: Buffer;
    })
  | (Provenance & { outcome: 'failed'; error: SpeedError });
