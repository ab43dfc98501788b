// The scheduler's Redis leader lock on the real Redis, each test under its own key.
import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { redisLeaderLock } from '../../../services/scheduler/leader-lock.ts';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const redis = new Redis(REDIS_URL);
afterAll(() => { redis.disconnect(); });
const freshKey = () => `t-leader-${randomBytes(4).toString('hex')}`;

/** Polls until the key is gone (its expiry passed); bounded. */
async function expired(key: string, withinMs: number): Promise<number> {
  const start = Date.now();
  while (await redis.exists(key)) {
    if (Date.now() - start > withinMs) throw new Error(`${key} still held after ${withinMs} ms`);
    await new Promise((r) => setImmediate(r));
  }
  return Date.now() - start;
}

describe('redisLeaderLock', () => {
  it('lets exactly one holder lead; the holder renews, the other stays standby', async () => {
    const key = freshKey();
    const a = redisLeaderLock(redis, { key, ttlMs: 5000 });
    const b = redisLeaderLock(redis, { key, ttlMs: 5000 });
    expect(await a.hold()).toBe(true);
    expect(await b.hold()).toBe(false);
    await redis.pexpire(key, 1000);
    expect(await a.hold()).toBe(true); // compare-and-extend restores the full expiry
    expect(await redis.pttl(key)).toBeGreaterThan(4000);
    expect(await redis.get(key)).toBe(a.token);
    expect(await b.hold()).toBe(false);
    await a.release();
  });

  it('a standby takes over once the leader stops renewing (the lock expires)', async () => {
    const key = freshKey();
    const a = redisLeaderLock(redis, { key, ttlMs: 300 });
    const b = redisLeaderLock(redis, { key, ttlMs: 300 });
    expect(await a.hold()).toBe(true);
    expect(await b.hold()).toBe(false);
    await expired(key, 5000); // a "died": it renews no more
    expect(await b.hold()).toBe(true);
    expect(await a.hold()).toBe(false); // the old leader learns it lost and does not extend b's lock
    expect(await redis.get(key)).toBe(b.token);
    await b.release();
  });

  it('release frees the lock at once, and never deletes a successor\'s lock', async () => {
    const key = freshKey();
    const a = redisLeaderLock(redis, { key, ttlMs: 300 });
    const b = redisLeaderLock(redis, { key, ttlMs: 5000 });
    expect(await a.hold()).toBe(true);
    await expired(key, 5000);
    expect(await b.hold()).toBe(true);
    await a.release(); // stale: must not touch b's key
    expect(await redis.get(key)).toBe(b.token);
    await b.release();
    expect(await redis.exists(key)).toBe(0);
    expect(await a.hold()).toBe(true);
    await a.release();
  });

  it('throws while Redis is unreachable, so the caller stands by', async () => {
    const down = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    down.on('error', () => {});
    await down.connect().catch(() => {});
    const lock = redisLeaderLock(down, { key: freshKey() });
    await expect(lock.hold()).rejects.toThrow();
    down.disconnect();
  });
});
