// kill -9 a worker while it holds a batch of checks in flight: its jobs stall, another worker
// recovers them within the lateness budget, and every slot ends with exactly one stored result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { expectedSlots, metricValue, startPipeline, storedSlots, until, type Pipeline } from './pipeline.ts';

let p: Pipeline;
beforeAll(async () => {
  // Recovery of a dead worker's jobs takes up to lockDuration + stalledInterval (15 + 5 s): the
  // lateness budget must cover it, or the recovered slots would (rightly) become gaps.
  p = await startPipeline({ targets: 30, delayMs: 1500, env: { MAX_LATENESS_S: '40' } });
}, 60_000);
afterAll(async () => { await p?.destroy(); });

describe('kill -9 a worker in the middle of a batch', () => {
  it('another worker takes over its stalled jobs; every slot has exactly one stored result', async () => {
    const scheduler = p.spawn(['scheduler', '--probes', 'uptime']);
    await scheduler.waitFor(/scheduler is the leader/);
    const t0 = Date.now();
    const w1 = p.spawn(['worker', '--probes', 'uptime']);
    await w1.waitFor(/worker started/);
    const redis = new Redis(p.redis.url);
    try {
      await until('the first worker holds jobs with checks in flight, after storing some',
        async () => p.fixture.inflight() >= 2 && (await redis.llen('sanjeh:probe-uptime-local:active')) >= 2
          && (await storedSlots(p, 'local', 0, Date.now())).size >= 2);
      w1.child.kill('SIGKILL');
      const killedAt = Date.now();
      const w2 = p.spawn(['worker', '--probes', 'uptime', '--metrics-port', '0']);
      const metricsPort = Number(/metrics on http:\/\/[\d.]+:(\d+)/.exec(await w2.waitFor(/Sanjeh metrics on/))![1]);

      const expected = expectedSlots(p.targetIds, t0, killedAt + 12_000);
      await until('every slot of the window is stored', async () => {
        const s = await storedSlots(p, 'local', t0, killedAt + 12_000);
        return expected.every((k) => s.has(k));
      }, 90_000);
      const stored = await storedSlots(p, 'local', t0, killedAt + 12_000);
      expect([...stored.keys()].sort()).toEqual(expected);
      expect([...stored.values()].every((n) => n === 1)).toBe(true);
      expect(await metricValue(metricsPort, /^sanjeh_jobs_stalled_total\{queue="probe-uptime-local"\}/)).toBeGreaterThan(0);
      expect(await metricValue(metricsPort, /^sanjeh_jobs_skipped_late_total\{queue="probe-uptime-local"\}/)).toBe(0);
    } finally {
      redis.disconnect();
    }
  }, 150_000);
});
