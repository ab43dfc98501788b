// Retry schedule of a failed delivery: exponential from baseMs, capped, for at most maxAttempts.
export type BackoffPolicy = { readonly baseMs: number; readonly maxMs: number; readonly maxAttempts: number };

export const defaultBackoff: BackoffPolicy = { baseMs: 15_000, maxMs: 30 * 60_000, maxAttempts: 12 };

/** Delay before the next try after `attempts` failed tries (1 → baseMs, 2 → 2·baseMs, …). */
export function retryDelayMs(policy: BackoffPolicy, attempts: number): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
}
