// `sanjeh uptime --target ID | --agency SLUG [--from ISO] [--to ISO] [--rules period-6] [--json]`:
// uptime of one target over a window, from the stored intervals (exact), with downtime, unobserved
// time and the indicator-3 score of the rule set. Without --from the window is the rule set's
// windowDays ending at --to (default: now). Exit code 0, 1 when the target is unknown, 2 on bad
// arguments.
import { parseArgs } from 'node:util';
import { loadConfig } from '../../../config/env.ts';
import { ruleSets, defaultRuleSetId } from '../../../config/rulesets/index.ts';
import { openDb } from '../../../db/client.ts';
import type { Db } from '../../../db/client.ts';
import { migrate } from '../../../db/migrate.ts';
import { portalTargetId, targetExists } from '../../../db/store/availability-targets.ts';
import { ruleWindow, uptimeIndicator, type UptimeIndicator } from '../../availability/indicator.ts';
import { UsageError, type CliCommand } from '../command.ts';

const flags = {
  target: { type: 'string' }, agency: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
  rules: { type: 'string' }, json: { type: 'boolean' },
} as const;

function instant(name: string, v: string | undefined): Date | undefined {
  if (v === undefined) return undefined;
  const d = new Date(v);
  if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(d.getTime())) throw new UsageError(`--${name} must be an ISO 8601 instant, e.g. 2026-10-21T20:30:00Z`);
  return d;
}

function parse(argv: string[]) {
  let v;
  try { v = parseArgs({ args: argv, options: flags, strict: true }).values; } catch (err) { throw new UsageError((err as Error).message); }
  if ((v.target === undefined) === (v.agency === undefined)) throw new UsageError('give exactly one of --target ID and --agency SLUG');
  if (v.target !== undefined && !/^[1-9]\d{0,15}$/.test(v.target)) throw new UsageError('--target must be a target id');
  const rules = ruleSets.get(v.rules ?? defaultRuleSetId);
  if (!rules) throw new UsageError(`unknown rule set ${v.rules}; known: ${[...ruleSets.keys()].join(', ')}`);
  const to = instant('to', v.to) ?? new Date();
  const from = instant('from', v.from) ?? ruleWindow(rules.uptime, to).from;
  if (from >= to) throw new UsageError('--from must be before --to');
  return { target: v.target, agency: v.agency, rules, from, to, json: v.json === true };
}

const hours = (s: number) => `${(s / 3600).toFixed(2)} h (${Math.round(s)} s)`;

function describe(id: number, r: UptimeIndicator, rulesId: string): string {
  const s = r.score;
  return [
    `target      ${id}`,
    `window      ${r.from.toISOString()} → ${r.to.toISOString()}`,
    `uptime      ${s.measured ? `${s.uptimePct.toFixed(2)} %` : 'no measurement'}`,
    `downtime    ${hours(r.evidence.downtimeS)}`,
    `observed    ${hours(r.evidence.observedS)} (${(s.observedShare * 100).toFixed(1)} % of the window)`,
    `unobserved  ${hours(r.evidence.unobservedS)}`,
    `indicator 3 ${s.score} (${rulesId})`,
  ].join('\n');
}

async function resolveTarget(db: Db, a: { target: string | undefined; agency: string | undefined }): Promise<number | null> {
  if (a.target !== undefined) return (await targetExists(db, Number(a.target))) ? Number(a.target) : null;
  return portalTargetId(db, a.agency!);
}

export const uptimeCommand: CliCommand = {
  name: ['uptime'],
  usage: 'uptime --target ID | --agency SLUG [--from ISO] [--to ISO] [--rules period-6] [--json]',
  summary: 'uptime, downtime, unobserved time and indicator-3 score of a target over a window',
  async run(argv) {
    const a = parse(argv);
    const config = loadConfig();
    const db = await openDb({ url: config.databaseUrl, dataDir: config.dataDir });
    try {
      await migrate(db);
      const id = await resolveTarget(db, a);
      if (id === null) { console.error(a.target ? `no target ${a.target}` : `agency ${a.agency} has no portal target`); return 1; }
      const r = await uptimeIndicator(db, id, a.rules.uptime, a.from, a.to);
      console.log(a.json ? JSON.stringify({ targetId: id, rules: a.rules.id, from: r.from, to: r.to, ...r.evidence, ...r.score }) : describe(id, r, a.rules.id));
      return 0;
    } finally {
      await db.close();
    }
  },
};
