// Sends what is due from the delivery outbox. Every delivery is sent on its own with its own time
// limit, so a slow or failing channel never holds up the others; a failure is retried with
// exponential backoff until maxAttempts, a refusal that retrying cannot fix fails at once.
import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import { claimDueDeliveries, markAttemptFailed, markDelivered, type DueDelivery } from '../../db/store/alert-deliveries.ts';
import { retryDelayMs, type BackoffPolicy } from './backoff.ts';
import { renderMessage } from './messages.ts';
import type { ChannelConfig, Notifier, Notifiers, SendOutcome } from './notifier.ts';

export type DispatchDeps = {
  notifiers: Notifiers;
  backoff: BackoffPolicy;
  now: () => number;
  logger: Logger;
  sendTimeoutMs?: number;
  batch?: number;
};

export type DispatchSummary = { delivered: number; retrying: number; failed: number };

/** One pass over what is due now; returns what happened to each claimed delivery. */
export async function dispatchDue(db: Db, deps: DispatchDeps, signal?: AbortSignal): Promise<DispatchSummary> {
  const timeoutMs = deps.sendTimeoutMs ?? 30_000;
  const due = await claimDueDeliveries(db, new Date(deps.now()), timeoutMs * 2, deps.batch ?? 100);
  const summary: DispatchSummary = { delivered: 0, retrying: 0, failed: 0 };
  await Promise.all(due.map(async (d) => {
    const outcome = await sendOne(deps.notifiers, d, timeoutMs, signal);
    summary[await recordOutcome(db, deps, d, outcome)]++;
  }));
  return summary;
}

async function sendOne(notifiers: Notifiers, d: DueDelivery, timeoutMs: number, outer?: AbortSignal): Promise<SendOutcome> {
  const signal = outer ? AbortSignal.any([outer, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
  const msg = renderMessage(d.context, d.locale);
  try {
    const notifier = notifiers[d.config.channel] as Notifier<ChannelConfig['channel']>;
    return await notifier.send(d.config as never, msg, signal);
  } catch (err) {
    // A notifier is not supposed to throw; if one does, treat it like a transient failure.
    return { ok: false, retryable: true, reason: `notifier threw: ${(err as Error).message}` };
  }
}

async function recordOutcome(db: Db, deps: DispatchDeps, d: DueDelivery, o: SendOutcome): Promise<keyof DispatchSummary> {
  const now = deps.now();
  if (o.ok) {
    await markDelivered(db, d.id, new Date(now));
    return 'delivered';
  }
  const retry = o.retryable && d.attempts < deps.backoff.maxAttempts;
  const retryAt = retry ? new Date(now + retryDelayMs(deps.backoff, d.attempts)) : null;
  await markAttemptFailed(db, d.id, o.reason, retryAt);
  deps.logger.info({ delivery: d.id, channel: d.config.channel, attempts: d.attempts, reason: o.reason, retry }, 'alert delivery failed');
  return retry ? 'retrying' : 'failed';
}
