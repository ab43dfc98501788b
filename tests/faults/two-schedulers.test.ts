// Two schedulers against one Redis, enqueueing for two regions: only the leader enqueues; when it is
// killed (-9, no release) the standby takes over within the lock's expiry, re-offers the recent
// slots, and BullMQ's event stream shows every slot's job "added" exactly once. Workers of both
// regions probe the same targets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { expectedSlots, startPipeline, storedSlots, until, type Pipeline } from './pipeline.ts';

let p: Pipeline;
beforeAll(async () => { p = await startPipeline({ targets: 12, delayMs: 100, env: { REGIONS: 'teh,mhd', MAX_LATENESS_S: '30' } }); }, 60_000);
afterAll(async () => { await p?.destroy(); });

async function addedPerJob(redis: Redis, queue: string): Promise<{ added: Map<string, number>; duplicated: number }> {
  const entries = await redis.xrange(`sanjeh:${queue}:events`, '-', '+');
  const added = new Map<string, number>();
  let duplicated = 0;
  for (const [, f] of entries) {
    const e = Object.fromEntries(f.flatMap((_, i) => (i % 2 ? [] : [[f[i], f[i + 1]]])));
    if (e['event'] === 'added') added.set(e['jobId']!, (added.get(e['jobId']!) ?? 0) + 1);
    if (e['event'] === 'duplicated') duplicated++;
  }
  return { added, duplicated };
}

describe('two schedulers', () => {
  it('never enqueue a slot twice, and the standby takes over a killed leader without a gap', async () => {
    const a = p.spawn(['scheduler', '--probes', 'uptime']);
    await a.waitFor(/scheduler is the leader/);
    const t0 = Date.now();
    const b = p.spawn(['scheduler', '--probes', 'uptime']);
    await b.waitFor(/scheduler is standby/);
    p.spawn(['worker', '--probes', 'uptime', '--region', 'teh']);
    p.spawn(['worker', '--probes', 'uptime', '--region', 'mhd']);
    await until('both regions store', async () =>
      (await storedSlots(p, 'teh', t0, Date.now())).size >= 4 && (await storedSlots(p, 'mhd', t0, Date.now())).size >= 4);

    a.child.kill('SIGKILL'); // no release: the standby must wait for the lock to expire
    const killedAt = Date.now();
    await b.waitFor(/scheduler is the leader/, 15_000);
    expect(Date.now() - killedAt).toBeLessThan(10_000); // within one interval

    const to = killedAt + 15_000;
    const expected = expectedSlots(p.targetIds, t0, to);
    for (const region of ['teh', 'mhd']) {
      await until(`every slot stored in ${region}`, async () => {
        const s = await storedSlots(p, region, t0, to);
        return expected.every((k) => s.has(k));
      }, 60_000);
      const s = await storedSlots(p, region, t0, to);
      expect([...s.keys()].sort()).toEqual(expected);
    }
    const redis = new Redis(p.redis.url);
    try {
      let duplicates = 0;
      for (const region of ['teh', 'mhd']) {
        const { added, duplicated } = await addedPerJob(redis, `probe-uptime-${region}`);
        expect([...added.values()].every((n) => n === 1)).toBe(true);
        for (const k of expected) {
          const [target, slot] = k.split('@');
          expect(added.get(`uptime-${target}-${region}-${slot}`)).toBe(1);
        }
        duplicates += duplicated;
      }
      expect(duplicates).toBeGreaterThan(0); // the new leader did re-offer slots; they were no-ops
    } finally {
      redis.disconnect();
    }
  }, 150_000);
});
