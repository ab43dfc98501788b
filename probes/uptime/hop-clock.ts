// Phase marks of one hop (one fresh connection and one request), taken on the monotonic clock,
// and how they add up into Timings and the Phase that classify() needs.
import { isIP } from 'node:net';
import type { Phase } from './classify.ts';
import type { Timings } from './result.ts';

export type HopClock = {
  readonly https: boolean;
  readonly startAt: number;
  /** Name resolved (for an IP literal: the start, there is nothing to resolve). */
  dnsAt?: number;
  connectAt?: number;
  secureAt?: number;
  /** The connection handed to undici: the request goes out now. */
  readyAt?: number;
  headersAt?: number;
};

export function startHop(url: URL, mono: () => number): HopClock {
  const startAt = mono();
  const literal = isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0;
  return { https: url.protocol === 'https:', startAt, ...(literal ? { dnsAt: startAt } : {}) };
}

export function phaseOf(hop: HopClock): Phase {
  if (hop.headersAt !== undefined) return 'body';
  if (hop.readyAt !== undefined) return 'wait';
  if (hop.dnsAt === undefined) return 'dns';
  if (hop.connectAt === undefined) return 'connect';
  return hop.https ? 'tls' : 'wait';
}

const span = (from: number | undefined, to: number | undefined): number | undefined =>
  from === undefined || to === undefined ? undefined : Math.max(0, to - from);

function add(acc: Partial<Timings>, key: keyof Timings, ms: number | undefined): void {
  if (ms !== undefined) acc[key] = (acc[key] ?? 0) + ms;
}

/** Phases that completed, summed over hops, rounded to 0.1 ms; tlsMs is 0 on a plain hop. */
export function sumTimings(hops: readonly HopClock[], totalMs: number): Partial<Timings> {
  const acc: Partial<Timings> = {};
  for (const h of hops) {
    add(acc, 'dnsMs', span(h.startAt, h.dnsAt));
    add(acc, 'connectMs', span(h.dnsAt, h.connectAt));
    add(acc, 'tlsMs', h.https ? span(h.connectAt, h.secureAt) : h.connectAt === undefined ? undefined : 0);
    add(acc, 'ttfbMs', span(h.readyAt, h.headersAt));
  }
  acc.totalMs = totalMs;
  for (const k of Object.keys(acc) as (keyof Timings)[]) acc[k] = Math.round((acc[k] ?? 0) * 10) / 10;
  return acc;
}

/** Full timings for a successful check: every phase present (0 where a hop had none). */
export function fullTimings(hops: readonly HopClock[], totalMs: number): Timings {
  const t = sumTimings(hops, totalMs);
  return { dnsMs: t.dnsMs ?? 0, connectMs: t.connectMs ?? 0, tlsMs: t.tlsMs ?? 0, ttfbMs: t.ttfbMs ?? 0, totalMs: t.totalMs ?? totalMs };
}
