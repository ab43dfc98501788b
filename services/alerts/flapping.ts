// Flapping: a target that changes state `threshold` times within `windowMs` is reported once as
// flapping instead of once per change, and once more when it has been quiet for a whole window.
export type FlapPolicy = { readonly windowMs: number; readonly threshold: number };

export const defaultFlapPolicy: FlapPolicy = { windowMs: 30 * 60_000, threshold: 4 };

/** True when the transitions (epoch ms, including the newest) within the window reach the threshold. */
export function isFlapping(policy: FlapPolicy, transitionsMs: readonly number[], nowMs: number): boolean {
  return transitionsMs.filter((t) => t > nowMs - policy.windowMs).length >= policy.threshold;
}
