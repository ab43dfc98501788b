// Time slots: each target's probes of one kind fire every `intervalMs`, shifted by an offset that
// a hash of the target id fixes, so 10,000 targets spread over the interval instead of firing in
// the same second, and every process computes the same slots without talking to the others.
import { createHash } from 'node:crypto';

export function slotOffsetMs(targetId: number, intervalMs: number): number {
  const h = createHash('sha1').update(String(targetId)).digest().readUInt32BE(0);
  return h % intervalMs;
}

/** Slot starts s of this target with fromMs < s <= toMs (at most `max`, oldest first). */
export function slotsBetween(targetId: number, intervalMs: number, fromMs: number, toMs: number, max = 1000): number[] {
  const offset = slotOffsetMs(targetId, intervalMs);
  const first = Math.floor((fromMs - offset) / intervalMs) * intervalMs + offset + intervalMs;
  const out: number[] = [];
  for (let s = first; s <= toMs && out.length < max; s += intervalMs) if (s > fromMs) out.push(s);
  return out;
}

/** The slot a given instant belongs to (the latest slot start at or before it). */
export function slotAt(targetId: number, intervalMs: number, atMs: number): number {
  const offset = slotOffsetMs(targetId, intervalMs);
  return Math.floor((atMs - offset) / intervalMs) * intervalMs + offset;
}
