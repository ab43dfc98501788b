// `sanjeh probe speed URL [--json] [--runs N] [--profile NAME] [--timeout-ms N]`: measures one
// page with Lighthouse (issue 5) and prints the GTmetrix-style grade. Exit code 0 when measured,
// 1 for a classified error, 2 on bad arguments. Private/loopback targets follow
// ALLOW_PRIVATE_TARGETS, Chromium CHROME_PATH and the default --runs SPEED_RUNS, as in the worker. --json prints the
// result without the gzipped report (its size is printed instead).
import { loadConfig } from '../../../config/env.ts';
import { probeSpeed, speedDefaults } from '../../../probes/speed/probe-speed.ts';
import { defaultSpeedProfile, isSpeedProfileName, speedProfiles } from '../../../probes/speed/profiles/index.ts';
import type { SpeedResult } from '../../../probes/speed/types.ts';
import { UsageError, type CliCommand } from '../command.ts';
import { intFlag, parseCliArgs, urlArg } from '../args.ts';

const flags = {
  json: { type: 'boolean' },
  runs: { type: 'string' },
  profile: { type: 'string' },
  'timeout-ms': { type: 'string' },
} as const;



const ms = (v: number | null): string => (v === null ? '–' : `${Math.round(v)} ms`);

function describe(r: SpeedResult): string {
  const head = `${r.url}   profile ${r.profile} [${r.settingsHash}]   Lighthouse ${r.lighthouseVersion ?? '–'}, Chromium ${r.chromiumVersion ?? '–'}`;
  if (r.outcome === 'failed') {
    return `ERROR ${r.error.class}${r.error.class === 'http_status' ? ` ${r.error.status}` : ''} (${r.error.reason})   ${r.runsAttempted} run(s) attempted\n${head}`;
  }
  const m = r.metrics;
  return [
    `GRADE ${r.percentage.toFixed(1)} %   performance ${r.performance.toFixed(0)}, structure ${r.structure.toFixed(0)}   (weights ${r.weights.performance}/${r.weights.structure})`,
    head,
    `runs        ${r.runsUsed} of ${r.runsRequested} used (${r.runsAttempted} attempted); performance per run ${r.runPerformance.map((s) => s.toFixed(0)).join(', ')}`,
    `metrics     FCP ${ms(m.fcpMs)}, LCP ${ms(m.lcpMs)}, TBT ${ms(m.tbtMs)}, CLS ${m.cls?.toFixed(3) ?? '–'}, SI ${ms(m.speedIndexMs)}, TTFB ${ms(m.ttfbMs)}`,
    `page        ${m.pageBytes ?? '–'} bytes in ${m.requestCount ?? '–'} requests; final URL ${r.finalUrl}`,
    ...r.advice.map((a) => `advice      ${a.title} (${a.auditId}): saves ~${a.savingsMs} ms, ${a.savingsBytes} bytes`),
    ...r.warnings.map((w) => `warning     ${w}`),
    `report      ${r.reportGzip.length} bytes gzipped (representative run)`,
  ].join('\n');
}

function toJson(r: SpeedResult): string {
  if (r.outcome === 'failed') return JSON.stringify(r);
  const { reportGzip, ...rest } = r;
  return JSON.stringify({ ...rest, reportGzipBytes: reportGzip.length });
}

export const probeSpeedCommand: CliCommand = {
  name: ['probe', 'speed'],
  usage: `probe speed URL [--json] [--runs N] [--profile ${Object.keys(speedProfiles).join('|')}] [--timeout-ms N]`,
  summary: 'measure one page with Lighthouse (GTmetrix-style grade)',
  async run(argv) {
    const parsed = parseCliArgs(argv, flags);
    const v = parsed.values;
    const profile = v.profile ?? defaultSpeedProfile;
    if (!isSpeedProfileName(profile)) throw new UsageError(`--profile must be one of ${Object.keys(speedProfiles).join(', ')}`);
    const url = urlArg(parsed.positionals);
    const config = loadConfig();
    const runs = intFlag('runs', v.runs, config.speedRuns, 1, 15);
    const timeoutMs = intFlag('timeout-ms', v['timeout-ms'], speedDefaults.timeoutMs, 5_000, 600_000);
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort()); // still kill Chromium on Ctrl-C
    const result = await probeSpeed({ url }, {
      allowPrivate: config.allowPrivateTargets, chromePath: config.chromePath, profile, runs, timeoutMs,
    }, controller.signal);
    console.log(v.json ? toJson(result) : describe(result));
    return result.outcome === 'measured' ? 0 : 1;
  },
};
