// `sanjeh score --rules NAME [--uptime PCT] [--speed PCT] [--tls-grade G] [--json]`: applies a
// shipped rule set (NAME or NAME@VERSION), or a rule set in a JSON file (a draft, validated the
// way the API validates it), to raw values, for checking the rules by hand.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ruleSets } from '../../../config/rulesets/index.ts';
import { parseRuleSet, RuleSetError, type RuleSet, type TlsSymbol } from '../../../config/rulesets/rule-set.ts';
import { scoreRawValues, tlsInputs, type RawValues } from '../../scoring/score-raw.ts';
import { UsageError, type CliCommand } from '../command.ts';

function percent(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new UsageError(`--${name} must be a percentage from 0 to 100, not "${v}"`);
  return n;
}

function grade(v: string | undefined): TlsSymbol | 'no_https' | undefined {
  if (v === undefined) return undefined;
  const g = v === 'none' ? 'no_https' : v.toUpperCase();
  if (!(tlsInputs as readonly string[]).includes(g)) throw new UsageError(`--tls-grade must be one of ${tlsInputs.join(', ')} (or none), not "${v}"`);
  return g as TlsSymbol | 'no_https';
}

function pickRules(name: string): RuleSet {
  if (name.endsWith('.json')) {
    let body: unknown;
    try { body = JSON.parse(readFileSync(name, 'utf8')); } catch (err) { throw new UsageError(`cannot read ${name}: ${(err as Error).message}`); }
    return parseRuleSet(body);
  }
  const [id, version] = name.split('@');
  const rules = ruleSets.get(id!);
  if (!rules || (version !== undefined && Number(version) !== rules.version)) {
    throw new UsageError(`unknown rule set "${name}" (shipped: ${[...ruleSets.values()].map((r) => `${r.id}@${r.version}`).join(', ')})`);
  }
  return rules;
}

export const scoreCommand: CliCommand = {
  name: ['score'],
  usage: 'score --rules NAME[@VERSION]|FILE.json [--uptime PCT] [--speed PCT] [--tls-grade G] [--json]',
  summary: 'apply a rule set to raw values (uptime %, speed %, TLS grade)',
  async run(argv) {
    const { values } = (() => {
      try {
        return parseArgs({ args: argv, options: { rules: { type: 'string' }, uptime: { type: 'string' }, speed: { type: 'string' }, 'tls-grade': { type: 'string' }, json: { type: 'boolean' } } });
      } catch (err) { throw new UsageError((err as Error).message); }
    })();
    if (!values.rules) throw new UsageError('--rules NAME is required');
    let rules: RuleSet;
    try { rules = pickRules(values.rules); } catch (err) {
      if (!(err instanceof RuleSetError)) throw err;
      console.error(err.message);
      return 1;
    }
    const raw: RawValues = {};
    const u = percent('uptime', values.uptime); if (u !== undefined) raw.uptimePct = u;
    const s = percent('speed', values.speed); if (s !== undefined) raw.speedPct = s;
    const g = grade(values['tls-grade']); if (g !== undefined) raw.tlsGrade = g;
    const scores = scoreRawValues(rules, raw);
    if (values.json) {
      console.log(JSON.stringify({ ruleSet: { id: rules.id, version: rules.version }, scores }));
      return 0;
    }
    console.log(`rule set ${rules.id}@${rules.version} (${rules.name.en})`);
    for (const x of scores) {
      console.log(`  ${x.indicator.padEnd(7)} ${String(x.raw ?? 'no measurement').padEnd(15)} score ${String(x.score).padEnd(5)} ${x.band.en} (${x.band.fa})`);
    }
    return 0;
  },
};
