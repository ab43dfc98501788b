// N Lighthouse runs of one page, strictly one at a time (two concurrent runs on a 2-core machine
// shift scores by up to 20 points, issue 5). A failed run is retried `retries` times; if it still
// fails it is left out, unless no run has succeeded yet: then the page is failing, and the
// measurement stops with that run's error instead of burning the remaining runs on it.
import type { EgressPolicy } from '../egress/policy.ts';
import { classifyRuntimeError } from './classify.ts';
import { checkDocumentAddresses } from './egress-check.ts';
import { runOnce, type RunOnceInput } from './run-once.ts';
import type { LighthouseResult, SpeedError } from './types.ts';

export type RunPlan = { runs: number; retries: number; policy: EgressPolicy; input: RunOnceInput };
export type CollectedRuns = {
  lhrs: LighthouseResult[];
  attempts: number;
  chromiumVersion: string | null;
  lighthouseVersion: string | null;
  /** Set when the measurement must be reported as failed. */
  error: SpeedError | null;
};

type Attempt = { ok: true; lhr: LighthouseResult } | { ok: false; error: SpeedError; final: boolean };

async function attempt(plan: RunPlan, signal: AbortSignal, into: CollectedRuns): Promise<Attempt> {
  into.attempts++;
  const raw = await runOnce(plan.input, signal);
  if (!raw.ok) return { ok: false, error: raw.error, final: raw.error.class === 'aborted' };
  const lhr = JSON.parse(raw.lhrJson) as LighthouseResult;
  into.chromiumVersion ??= raw.chromiumVersion;
  into.lighthouseVersion ??= lhr.lighthouseVersion;
  const denied = checkDocumentAddresses(raw.documentAddresses, plan.policy);
  if (denied) return { ok: false, error: denied, final: true };
  if (lhr.runtimeError) return { ok: false, error: classifyRuntimeError(lhr.runtimeError, raw.documentNetError), final: false };
  return { ok: true, lhr };
}

export async function collectRuns(plan: RunPlan, signal: AbortSignal): Promise<CollectedRuns> {
  const out: CollectedRuns = { lhrs: [], attempts: 0, chromiumVersion: null, lighthouseVersion: null, error: null };
  for (let run = 0; run < plan.runs; run++) {
    let last: Attempt | undefined;
    for (let tries = 0; tries <= plan.retries; tries++) {
      if (signal.aborted) return { ...out, lhrs: [], error: { class: 'aborted', reason: 'measurement aborted' } };
      last = await attempt(plan, signal, out);
      if (last.ok || last.final) break;
    }
    if (last?.ok) {
      out.lhrs.push(last.lhr);
      continue;
    }
    if (last && (last.final || out.lhrs.length === 0)) {
      return { ...out, lhrs: [], error: last.error };
    }
  }
  return out;
}
