// Argument parsing shared by the commands: every mistake becomes a UsageError naming the flag.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { UsageError } from './command.ts';
import { checkTargetUrl } from '../registry/target-url.ts';

export function parseCliArgs<const T extends ParseArgsOptionsConfig>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** An integer flag within [min, max], or `fallback` when absent. */
export function intFlag(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}`);
  return Number(raw);
}

/** Exactly one positional: an http(s) URL. */
export function urlArg(positionals: readonly string[]): string {
  const [url, ...rest] = positionals;
  if (!url || rest.length) throw new UsageError('give exactly one URL');
  const checked = checkTargetUrl(url);
  if (!checked.ok) throw new UsageError(checked.reason);
  return checked.url;
}
