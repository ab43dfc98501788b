// `sanjeh probe uptime URL [--json]`: one uptime check, printed. Exit code 0 when the target is
// up or degraded, 1 when it is down (so scripts can use it), 2 on bad arguments.
// Private/loopback targets follow ALLOW_PRIVATE_TARGETS, as in the worker.
import { loadConfig } from '../../../config/env.ts';
import { defaultUptimeOptions, type UptimeOptions } from '../../../probes/uptime/options.ts';
import { probeUptime } from '../../../probes/uptime/probe-uptime.ts';
import type { UptimeResult } from '../../../probes/uptime/result.ts';
import { UsageError, type CliCommand } from '../command.ts';
import { intFlag, parseCliArgs, urlArg } from '../args.ts';

const flags = {
  json: { type: 'boolean' },
  'timeout-ms': { type: 'string' },
  'connect-timeout-ms': { type: 'string' },
  'max-redirects': { type: 'string' },
  'degraded-after-ms': { type: 'string' },
  accept: { type: 'string' },
  keyword: { type: 'string' },
  'keyword-absent': { type: 'string' },
} as const;


/** "200-399,404" → [[200, 399], [404, 404]] */
function statusRanges(value: string | undefined): UptimeOptions['acceptStatus'] {
  if (value === undefined) return defaultUptimeOptions.acceptStatus;
  return value.split(',').map((part) => {
    const m = /^(\d{3})(?:-(\d{3}))?$/.exec(part.trim());
    if (!m?.[1]) throw new UsageError('--accept must look like 200-399,404');
    const low = Number(m[1]);
    const high = Number(m[2] ?? m[1]);
    if (high < low) throw new UsageError(`--accept: ${part} is an empty range`);
    return [low, high] as const;
  });
}


function optionsFrom(v: { [K in keyof typeof flags]?: (typeof flags)[K]['type'] extends 'boolean' ? boolean : string }): UptimeOptions {
  if (v.keyword !== undefined && v['keyword-absent'] !== undefined) throw new UsageError('--keyword and --keyword-absent exclude each other');
  const keyword = v.keyword !== undefined ? { text: v.keyword, mode: 'present' as const }
    : v['keyword-absent'] !== undefined ? { text: v['keyword-absent'], mode: 'absent' as const } : undefined;
  const d = defaultUptimeOptions;
  return {
    ...d,
    timeoutMs: intFlag('timeout-ms', v['timeout-ms'], d.timeoutMs, 0, 600_000),
    connectTimeoutMs: intFlag('connect-timeout-ms', v['connect-timeout-ms'], d.connectTimeoutMs, 0, 600_000),
    maxRedirects: intFlag('max-redirects', v['max-redirects'], d.maxRedirects, 0, 20),
    degradedAfterMs: intFlag('degraded-after-ms', v['degraded-after-ms'], d.degradedAfterMs, 0, 600_000),
    acceptStatus: statusRanges(v.accept),
    ...(keyword ? { keyword } : {}),
  };
}

function describe(r: UptimeResult): string {
  const t = r.timings;
  const phases = (['dnsMs', 'connectMs', 'tlsMs', 'ttfbMs', 'totalMs'] as const)
    .map((k) => `${k.replace('Ms', '')} ${t[k] === undefined ? '–' : `${t[k]} ms`}`).join(', ');
  const head = r.outcome === 'down'
    ? `DOWN  ${r.error.class}${'reason' in r.error ? ` (${r.error.reason})` : ''}${r.status ? ` status ${r.status}` : ''}`
    : `${r.outcome.toUpperCase()}  status ${r.status}`;
  return [head, `final URL  ${r.finalUrl ?? '–'}`, `timings    ${phases}`, `body       ${r.bytesRead} bytes read`, `checked at ${r.checkedAt}`].join('\n');
}

export const probeUptimeCommand: CliCommand = {
  name: ['probe', 'uptime'],
  usage: 'probe uptime URL [--json] [--keyword T | --keyword-absent T] [--accept 200-399] [--timeout-ms N]',
  summary: 'run one uptime check and print the result',
  async run(argv) {
    const parsed = parseCliArgs(argv, flags);
    const url = urlArg(parsed.positionals);
    const options = { ...optionsFrom(parsed.values), allowPrivate: loadConfig().allowPrivateTargets };
    const result = await probeUptime({ url }, options);
    console.log(parsed.values.json ? JSON.stringify(result) : describe(result));
    return result.outcome === 'down' ? 1 : 0;
  },
};
