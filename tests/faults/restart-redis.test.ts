// Redis crashes (no persistence: every queued job is gone) and comes back: the scheduler and the
// worker reconnect by themselves, nothing backfills the outage, and the availability evaluator
// shows it as unobserved time, never as downtime.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERVAL_MS, expectedSlots, startPipeline, storedSlots, until, type Pipeline } from './pipeline.ts';

let p: Pipeline;
beforeAll(async () => { p = await startPipeline({ targets: 12, delayMs: 100 }); }, 60_000);
afterAll(async () => { await p?.destroy(); });

const CATCH_UP_MS = 10_000; // what a scheduler re-offers when it (re)gains the lead

describe('restart Redis during a run', () => {
  it('scheduler and worker reconnect; the outage stays a gap of unobserved time', async () => {
    const scheduler = p.spawn(['scheduler', '--probes', 'uptime']);
    await scheduler.waitFor(/scheduler is the leader/);
    const t0 = Date.now();
    const worker = p.spawn(['worker', '--probes', 'uptime']);
    await worker.waitFor(/worker started/);
    await until('results stored before the outage', async () => (await storedSlots(p, 'local', t0, Date.now())).size >= p.targetIds.length);

    await p.redis.stop();
    const downAt = Date.now();
    await scheduler.waitFor(/cannot reach its lock; standing by/, 20_000);
    // Keep Redis down until the gap holds two slots of every target beyond what catch-up re-offers.
    await until('a long enough outage', () => Date.now() - downAt > 2 * INTERVAL_MS + CATCH_UP_MS + 2000, 60_000);
    await p.redis.start();
    const upAt = Date.now();
    const leads = () => scheduler.lines.filter((l) => l.includes('scheduler is the leader')).length;
    await until('the scheduler leads again', () => leads() === 2, 30_000);

    const after = expectedSlots(p.targetIds, upAt, upAt + 12_000);
    await until('the worker stores again', async () => {
      const s = await storedSlots(p, 'local', upAt, upAt + 12_000);
      return after.every((k) => s.has(k));
    }, 60_000);

    const gapFrom = downAt + 1000;
    const gapTo = upAt - CATCH_UP_MS - 1000;
    expect(expectedSlots(p.targetIds, gapFrom, gapTo).length).toBeGreaterThanOrEqual(p.targetIds.length);
    expect((await storedSlots(p, 'local', gapFrom, gapTo)).size).toBe(0); // never backfilled
    const outages = await p.sql<{ n: number }>('SELECT count(*)::int AS n FROM outages');
    expect(outages[0]!.n).toBe(0);
    await until('the evaluator shows the gap as unobserved for every target', async () => {
      const rows = await p.sql<{ n: number }>(`SELECT count(DISTINCT target_id)::int AS n FROM unobserved_spans
        WHERE cause = 'no_checks' AND started_at < $2 AND ended_at > $1`, [new Date(gapFrom), new Date(gapTo)]);
      return rows[0]!.n === p.targetIds.length;
    }, 30_000);
  }, 180_000);
});
