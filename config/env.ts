// The only reader of process.env. Every variable is declared here once, with what it expects;
// `loadConfig` validates them all at start-up and returns a frozen, typed object, or throws a
// ConfigError whose message has one line per bad variable: name, value, what was expected.
import { resolve } from 'node:path';
import { isIP } from 'node:net';
import { z } from 'zod';

export class ConfigError extends Error {}

const text = (what: string) => z.string({ error: what }).trim().min(1, { error: what });
const int = (min: number, max: number) =>
  z.string().trim().regex(/^\d+$/, { error: `an integer from ${min} to ${max}` }).transform(Number)
    .pipe(z.number().min(min, { error: `an integer from ${min} to ${max}` }).max(max, { error: `an integer from ${min} to ${max}` }));
const bool = () =>
  z.enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'true or false' }).transform((v) => ['true', '1', 'yes'].includes(v));
const urlWith = (schemes: readonly string[]) =>
  z.string().trim().refine((v) => { try { return schemes.includes(new URL(v).protocol); } catch { return false; } },
    { error: `a URL starting with ${schemes.map((s) => `${s}//`).join(' or ')}` });
/** A decimal share, e.g. 0.5. */
const share = (min: number, max: number) =>
  z.string().trim().regex(/^\d+(\.\d+)?$/, { error: `a number from ${min} to ${max}` }).transform(Number)
    .pipe(z.number().min(min, { error: `a number from ${min} to ${max}` }).max(max, { error: `a number from ${min} to ${max}` }));
/** Comma-separated http(s) URLs; empty = none. */
const urlList = () =>
  z.string().trim().transform((v) => v.split(',').map((u) => u.trim()).filter((u) => u !== ''))
    .refine((list) => list.every((v) => { try { return ['http:', 'https:'].includes(new URL(v).protocol); } catch { return false; } }),
      { error: 'comma-separated URLs starting with http:// or https://' });

// Keep in step with README.md ("Configuration") and .env.example.
const schema = z.object({
  DATABASE_URL: urlWith(['postgres:', 'postgresql:']).optional(),
  REDIS_URL: urlWith(['redis:', 'rediss:']).optional(),
  DATA_DIR: text('a directory path').default('./data'),
  HOST: text('a host name or IP address to listen on').default('127.0.0.1'),
  PORT: int(0, 65535).default(8080),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    { error: 'one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
  REGION: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, { error: 'a region name of lower-case letters, digits and "-" (1-32)' }).default('local'),
  REGIONS: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,31}(,[a-z0-9][a-z0-9-]{0,31})*$/, { error: 'a comma-separated list of region names (lower-case letters, digits, "-")' }).optional(),
  MAX_LATENESS_S: int(1, 30 * 86_400).optional(),
  ALLOW_PRIVATE_TARGETS: bool().default(false),
  ALLOWED_TARGET_ADDRESSES: z.string().transform((v) => v.split(',').map((x) => x.trim()).filter(Boolean))
    .refine((list) => list.every((ip) => isIP(ip) !== 0), { error: 'a comma-separated list of IP addresses' }).default([]),
  SEED_AGENCIES_FILE: text('a CSV file path').default('config/agencies.csv'),
  CHROME_PATH: text('the path of a Chromium binary').default('/usr/bin/chromium'),
  UPTIME_INTERVAL_S: int(10, 86_400).default(60),
  TLS_INTERVAL_S: int(60, 30 * 86_400).default(86_400),
  SPEED_INTERVAL_S: int(300, 30 * 86_400).default(21_600),
  UPTIME_CONCURRENCY: int(1, 5_000).default(100),
  TLS_CONCURRENCY: int(1, 64).default(2),
  SPEED_CONCURRENCY: int(1, 8).default(1),
  SPEED_RUNS: int(1, 9).default(3),
  CONTROL_TARGETS: urlList().default([]),
  UPTIME_RETRIES: int(0, 10).default(2),
  UPTIME_RETRY_DELAY_S: int(0, 300).default(10),
  QUORUM_SHARE: share(0, 0.99).default(0.5),
  MASS_OUTAGE_SHARE: share(0.01, 1).default(0.3),
  RAW_RETENTION_DAYS: int(1, 3650).default(90),
  ALERT_SMTP_URL: urlWith(['smtp:', 'smtps:']).optional(),
  ALERT_EMAIL_FROM: text('a sender address').default('Sanjeh <sanjeh@localhost>'),
  ALERT_BOT_API_URL: urlWith(['http:', 'https:']).default('https://tapi.bale.ai'),
  ALERT_BOT_TOKEN: text('a bot token').optional(),
  ALERT_TICK_S: int(1, 3_600).default(15),
  ALERT_FLAP_WINDOW_S: int(60, 86_400).default(1_800),
  ALERT_FLAP_THRESHOLD: int(2, 100).default(4),
});

type Raw = z.output<typeof schema>;

export type Config = Readonly<{
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  dataDir: string;
  host: string;
  port: number;
  logLevel: Raw['LOG_LEVEL'];
  region: string;
  /** Regions the scheduler enqueues for (REGIONS, default [REGION]). */
  regions: readonly string[];
  /** A job started later than this after its slot is skipped (a gap); unset = one interval of its kind. */
  maxLatenessS: number | undefined;
  allowPrivateTargets: boolean;
  allowedTargetAddresses: readonly string[];
  seedAgenciesFile: string;
  chromePath: string;
  intervalsS: Readonly<{ uptime: number; tls: number; speed: number }>;
  concurrency: Readonly<{ uptime: number; tls: number; speed: number }>;
  speedRuns: number;
  /** Availability evaluation (issue 3); controlTargets empty = control checks disabled. */
  availability: Readonly<{
    controlTargets: readonly string[];
    retries: number;
    retryDelayS: number;
    quorumShare: number;
    massOutageShare: number;
    rawRetentionDays: number;
  }>;
  /** Alerting (issue 8): SMTP and the Telegram-compatible bot API (Bale) for notifications. */
  alerts: Readonly<{
    smtpUrl: string | undefined; emailFrom: string; botApiUrl: string; botToken: string | undefined;
    tickS: number; flapWindowS: number; flapThreshold: number;
  }>;
}>;

/** Empty strings count as unset, as in most .env tooling. */
function present(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input = present(env);
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `config: ${name}=${JSON.stringify(input[name] ?? '')} is invalid: expected ${issue.message}`;
    });
    throw new ConfigError([...new Set(lines)].join('\n'));
  }
  const v = parsed.data;
  return Object.freeze({
    databaseUrl: v.DATABASE_URL,
    redisUrl: v.REDIS_URL,
    dataDir: resolve(v.DATA_DIR),
    host: v.HOST,
    port: v.PORT,
    logLevel: v.LOG_LEVEL,
    region: v.REGION,
    regions: Object.freeze([...new Set((v.REGIONS ?? v.REGION).split(','))]),
    maxLatenessS: v.MAX_LATENESS_S,
    allowPrivateTargets: v.ALLOW_PRIVATE_TARGETS,
    allowedTargetAddresses: Object.freeze(v.ALLOWED_TARGET_ADDRESSES),
    seedAgenciesFile: resolve(v.SEED_AGENCIES_FILE),
    chromePath: v.CHROME_PATH,
    intervalsS: Object.freeze({ uptime: v.UPTIME_INTERVAL_S, tls: v.TLS_INTERVAL_S, speed: v.SPEED_INTERVAL_S }),
    concurrency: Object.freeze({ uptime: v.UPTIME_CONCURRENCY, tls: v.TLS_CONCURRENCY, speed: v.SPEED_CONCURRENCY }),
    availability: Object.freeze({
      controlTargets: Object.freeze(v.CONTROL_TARGETS), retries: v.UPTIME_RETRIES, retryDelayS: v.UPTIME_RETRY_DELAY_S,
      quorumShare: v.QUORUM_SHARE, massOutageShare: v.MASS_OUTAGE_SHARE, rawRetentionDays: v.RAW_RETENTION_DAYS,
    }),
    speedRuns: v.SPEED_RUNS,
    alerts: Object.freeze({
      smtpUrl: v.ALERT_SMTP_URL, emailFrom: v.ALERT_EMAIL_FROM, botApiUrl: v.ALERT_BOT_API_URL, botToken: v.ALERT_BOT_TOKEN,
      tickS: v.ALERT_TICK_S, flapWindowS: v.ALERT_FLAP_WINDOW_S, flapThreshold: v.ALERT_FLAP_THRESHOLD,
    }),
  });
}
