// One uptime check (issue 3): GET the target, follow redirects by hand (each hop passes the egress
// policy, the count is bounded), read a bounded body, and return an UptimeResult. Every hop gets
// a fresh undici Client with its own connector, so no connection is pooled between checks and
// each hop's timings include DNS, TCP and TLS; the client is destroyed when the hop is done.
//
// What the target does is never thrown: it comes back as a 'down' result with a classified
// error. The promise rejects only when the caller's signal aborts (the worker is shutting down;
// the check means nothing) or on an error no target can cause (a bug of ours), so the worker
// can retry. The overall deadline is options.timeoutMs, whatever the target trickles.
import { Client } from 'undici';
import type { EgressPolicy } from '../egress/policy.ts';
import { readBody } from './body-reader.ts';
import { classify } from './classify.ts';
import { fullTimings, phaseOf, startHop, sumTimings, type HopClock } from './hop-clock.ts';
import { checkHop, nextHop, redirectStatuses } from './hop-target.ts';
import type { UptimeOptions } from './options.ts';
import type { ProbeError, UptimeResult, UptimeTarget } from './result.ts';
import { timedConnector } from './timed-connector.ts';

const requestHeaders = {
  'user-agent': 'Mozilla/5.0 (compatible; Sanjeh uptime probe)',
  accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
  'accept-encoding': 'gzip, deflate, br',
  'accept-language': 'fa,en;q=0.8',
};

type CheckState = { hops: HopClock[]; bytesRead: number; status?: number; finalUrl?: string; startAt: number };
type HopStep = { location: string } | { error: ProbeError | null };

const mono = (): number => performance.now();
const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

function accepted(status: number, ranges: UptimeOptions['acceptStatus']): boolean {
  return ranges.some(([low, high]) => status >= low && status <= high);
}

async function requestHop(url: URL, o: UptimeOptions, signal: AbortSignal, st: CheckState): Promise<HopStep> {
  const clock = startHop(url, mono);
  st.hops.push(clock);
  st.finalUrl = url.href;
  delete st.status; // a failure on this hop must not carry the previous hop's 3xx
  const policy: EgressPolicy = { allowPrivate: o.allowPrivate, ...(o.allowAddresses ? { allowAddresses: o.allowAddresses } : {}) };
  const connect = timedConnector(clock, mono, { policy, connectTimeoutMs: o.connectTimeoutMs, ...(o.extraCa ? { extraCa: o.extraCa } : {}) });
  const client = new Client(url.origin, { connect, headersTimeout: o.timeoutMs, bodyTimeout: o.timeoutMs });
  try {
    const res = await client.request({ path: url.pathname + url.search, method: 'GET', headers: requestHeaders, signal });
    clock.headersAt = mono();
    st.status = res.statusCode;
    // Destroying the body (redirect, bad status, bound reached) makes undici emit an abort error
    // on it; errors that matter reach us through readBody's pipeline.
    res.body.on('error', () => undefined);
    const location = first(res.headers.location);
    if (redirectStatuses.has(res.statusCode) && location !== undefined) {
      res.body.destroy();
      return { location };
    }
    if (!accepted(res.statusCode, o.acceptStatus)) {
      res.body.destroy();
      return { error: { class: 'http_status', status: res.statusCode } };
    }
    const onRead = (n: number): void => { st.bytesRead = n; };
    const body = await readBody(res.body, first(res.headers['content-encoding']), o, signal, onRead);
    return { error: body.error ?? null };
  } finally {
    await client.destroy().catch(() => undefined);
  }
}

async function followHops(start: URL, o: UptimeOptions, signal: AbortSignal, st: CheckState): Promise<ProbeError | null> {
  const policy: EgressPolicy = { allowPrivate: o.allowPrivate, ...(o.allowAddresses ? { allowAddresses: o.allowAddresses } : {}) };
  let hop = checkHop(start, policy);
  for (let redirects = 0; ; redirects++) {
    if (!hop.ok) {
      if (hop.url) st.finalUrl = hop.url.href;
      return hop.error;
    }
    const step = await requestHop(hop.url, o, signal, st);
    if (!('location' in step)) return step.error;
    if (redirects >= o.maxRedirects) return { class: 'too_many_redirects' };
    hop = nextHop(hop.url, step.location, policy);
  }
}

function downResult(error: ProbeError, st: CheckState, checkedAt: string): UptimeResult {
  return {
    outcome: 'down', error, timings: sumTimings(st.hops, mono() - st.startAt), bytesRead: st.bytesRead, checkedAt,
    ...(st.status !== undefined ? { status: st.status } : {}),
    ...(st.finalUrl !== undefined ? { finalUrl: st.finalUrl } : {}),
  };
}

export async function probeUptime(target: UptimeTarget, options: UptimeOptions, signal?: AbortSignal): Promise<UptimeResult> {
  const start = new URL(target.url); // a malformed target is the caller's bug: it throws
  const checkedAt = new Date((options.now ?? Date.now)()).toISOString();
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
  const st: CheckState = { hops: [], bytesRead: 0, startAt: mono() };
  let error: ProbeError | null;
  try {
    error = await followHops(start, options, combined, st);
  } catch (err) {
    if (signal?.aborted) throw signal.reason;
    const last = st.hops.at(-1);
    error = classify(err, last ? phaseOf(last) : 'dns');
    if (!error) throw err;
  }
  if (error) return downResult(error, st, checkedAt);
  const totalMs = mono() - st.startAt;
  const timings = fullTimings(st.hops, totalMs);
  const outcome = totalMs > options.degradedAfterMs ? 'degraded' : 'up';
  return { outcome, status: st.status ?? 0, finalUrl: st.finalUrl ?? start.href, timings, bytesRead: st.bytesRead, checkedAt };
}
