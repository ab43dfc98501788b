// The speed probe (issue 5): `(target, options, signal) → Promise<SpeedResult>`. Checks the
// page against the egress policy, takes N Lighthouse runs one at a time in child processes,
// and reports the median performance and structure scores, the combined GTmetrix-style
// percentage, the representative run's metrics, advice and gzipped report. The mapping of the
// percentage onto indicator 4 belongs to the period rule set (config/rulesets), not here.
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { chromeFlags } from './chrome-flags.ts';
import { collectRuns, type CollectedRuns } from './collect-runs.ts';
import { preflight } from './egress-check.ts';
import { combinedPercentage, defaultGradeWeights, median, performanceScore, structureEntries, structureScore } from './grade.ts';
import { lighthouseConfig, settingsHash } from './lighthouse-config.ts';
import { readMetrics } from './metrics.ts';
import { topAdvice } from './advice.ts';
import { defaultSpeedProfile, speedProfiles, type SpeedProfileName } from './profiles/index.ts';
import type { GradeWeights, LighthouseResult, SpeedError, SpeedResult } from './types.ts';

export type SpeedTarget = { readonly url: string };
export type SpeedOptions = {
  readonly allowPrivate: boolean;
  /** Debian's Chromium by default; config passes CHROME_PATH. */
  readonly chromePath?: string;
  readonly profile?: SpeedProfileName;
  readonly runs?: number;
  /** Retries of a failed run before it is left out. */
  readonly retries?: number;
  /** Upper bound of one run, in ms (Chromium start, load, trace processing). */
  readonly timeoutMs?: number;
  readonly weights?: GradeWeights;
  /**
   * Priority of the runner and Chromium (default -10, above uptime checks and test suites: the
   * page's observed timings are CPU-sensitive, an HTTP check's are not); null keeps the worker's.
   */
  readonly niceness?: number | null;
  /** Where each run's fresh Chromium profile directory is created (default: the OS temp dir). */
  readonly workDir?: string;
};

export const speedDefaults = { chromePath: '/usr/bin/chromium', runs: 3, retries: 1, timeoutMs: 90_000, niceness: -10 } as const;

const gzipAsync = promisify(gzip);

/** Lighthouse's pick (nearest the median FCP and TTI); falls back to the median score's run. */
function representative(lhrs: LighthouseResult[]): LighthouseResult {
  try {
    return computeMedianRun(lhrs as never) as unknown as LighthouseResult;
  } catch {
    const target = median(lhrs.map((l) => performanceScore(l) ?? 0));
    return lhrs.find((l) => performanceScore(l) === target) ?? lhrs[0]!;
  }
}

async function measured(base: Provenance, runs: CollectedRuns, weights: GradeWeights): Promise<SpeedResult> {
  const runPerformance = runs.lhrs.map((l) => performanceScore(l) ?? 0);
  const runStructure = runs.lhrs.map((l) => structureScore(structureEntries(l)) ?? 100);
  const rep = representative(runs.lhrs);
  const performance = median(runPerformance);
  const structure = median(runStructure);
  return {
    ...base, outcome: 'measured', finalUrl: rep.finalDisplayedUrl, runsUsed: runs.lhrs.length,
    runPerformance, runStructure, performance, structure, weights,
    percentage: combinedPercentage(performance, structure, weights),
    metrics: readMetrics(rep), structureAudits: structureEntries(rep), advice: topAdvice(rep),
    warnings: rep.runWarnings, reportGzip: await gzipAsync(JSON.stringify(rep)),
  };
}

type Provenance = Omit<Extract<SpeedResult, { outcome: 'failed' }>, 'outcome' | 'error'>;

const failed = (base: Provenance, error: SpeedError): SpeedResult => ({ ...base, outcome: 'failed', error });

export async function probeSpeed(target: SpeedTarget, options: SpeedOptions, signal: AbortSignal): Promise<SpeedResult> {
  const profileName = options.profile ?? defaultSpeedProfile;
  const config = lighthouseConfig(speedProfiles[profileName]);
  const runs = Math.max(1, options.runs ?? speedDefaults.runs);
  const base: Provenance = {
    url: target.url, profile: profileName, settingsHash: settingsHash(config, chromeFlags),
    lighthouseVersion: null, chromiumVersion: null, runsRequested: runs, runsAttempted: 0,
  };
  const policy = { allowPrivate: options.allowPrivate };
  const pre = await preflight(target.url, policy);
  if (!pre.ok) return failed(base, pre.error);
  const collected = await collectRuns({
    runs, retries: options.retries ?? speedDefaults.retries, policy,
    input: {
      url: target.url, config, chromeFlags: [...chromeFlags, ...pre.extraFlags],
      chromePath: options.chromePath ?? speedDefaults.chromePath,
      timeoutMs: options.timeoutMs ?? speedDefaults.timeoutMs, workDir: options.workDir,
      niceness: options.niceness === undefined ? speedDefaults.niceness : options.niceness,
    },
  }, signal);
  const withVersions: Provenance = {
    ...base, runsAttempted: collected.attempts,
    lighthouseVersion: collected.lighthouseVersion, chromiumVersion: collected.chromiumVersion,
  };
  if (collected.error || collected.lhrs.length === 0) {
    return failed(withVersions, collected.error ?? { class: 'lighthouse_error', reason: 'no run succeeded' });
  }
  return measured(withVersions, collected, options.weights ?? defaultGradeWeights);
}
