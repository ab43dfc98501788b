// A backlog does not grow without bound: jobs still waiting past their lateness budget are removed
// unstarted (their slots are unobserved), by the leading scheduler every expireEveryMs.
import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { bullmqQueue } from '../../../workers/queue-bullmq.ts';
import { createScheduler } from '../../../services/scheduler/scheduler.ts';
import { silentLogger } from '../../helpers/logger.ts';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const prefix = `tx-${randomBytes(4).toString('hex')}`;
afterAll(async () => {
  const r = new Redis(REDIS_URL);
  const keys = await r.keys(`${prefix}:*`);
  if (keys.length) await r.del(...keys);
  r.disconnect();
});

describe('expiring stale jobs', () => {
  it('removes only the jobs that waited longer than the budget; the rest still run', async () => {
    const q = bullmqQueue<{ n: number }>('probe-uptime-x', { redisUrl: REDIS_URL, prefix });
    try {
      await q.add('uptime-1-x-1', { n: 1 });
      await q.add('uptime-2-x-1', { n: 2 });
      const addedAt = Date.now();
      const deadline = addedAt + 5000;
      while (Date.now() - addedAt < 1000) if (Date.now() > deadline) throw new Error('clock stuck'); // the budget must pass
      await q.add('uptime-3-x-1', { n: 3 });
      expect(await q.expire!(800)).toBe(2);
      expect(await q.depth!()).toEqual({ waiting: 1, active: 0, delayed: 0 });
      const ran: number[] = [];
      await new Promise<void>((resolve) => q.process(async (d) => { ran.push(d.n); resolve(); }, 1));
      expect(ran).toEqual([3]);
    } finally {
      await q.close();
    }
  });

  it('the leading scheduler calls expire every expireEveryMs, a standby never', async () => {
    let clock = 1_800_000_000_000;
    let calls = 0;
    let leader = true;
    const s = createScheduler({ listTargets: async () => [], enqueue: async () => {}, cadencesMs: { uptime: 60_000 }, regions: ['x'],
      now: () => clock, logger: silentLogger, isLeader: async () => leader, expire: async () => { calls++; }, expireEveryMs: 10_000 });
    for (let i = 0; i < 30; i++) { clock += 1000; await s.tick(); }
    expect(calls).toBe(3);
    leader = false;
    for (let i = 0; i < 30; i++) { clock += 1000; await s.tick(); }
    expect(calls).toBe(3);
  });
});
