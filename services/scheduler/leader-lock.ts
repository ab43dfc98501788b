// The scheduler's leader lock in Redis: one key holding the leader's random token with an expiry.
// Acquire is SET NX PX; renewal and release are Lua compare-and-extend / compare-and-delete, so a
// leader that paused past the expiry can never extend or delete the lock its successor now holds.
// A standby calls hold() on every tick and takes over once the key has expired (at most ttlMs after
// the leader stopped renewing). Deterministic job ids make a brief overlap harmless.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1]) else return 0 end`;

export type LeaderLock = {
  readonly token: string;
  /** Acquires or renews; true while this process is the leader. Throws if Redis is unreachable. */
  hold: () => Promise<boolean>;
  /** Gives the lock up (only if still ours), so a standby takes over at once. */
  release: () => Promise<void>;
};

export type LeaderLockOptions = { key?: string; ttlMs?: number; token?: string };

export function redisLeaderLock(redis: Redis, opts: LeaderLockOptions = {}): LeaderLock {
  const key = opts.key ?? 'sanjeh:scheduler:leader';
  const ttlMs = opts.ttlMs ?? 5000;
  const token = opts.token ?? randomBytes(12).toString('hex');
  let held = false;

  async function hold(): Promise<boolean> {
    if (held) {
      held = Number(await redis.eval(RENEW, 1, key, token, String(ttlMs))) === 1;
      if (held) return true;
    }
    held = (await redis.set(key, token, 'PX', ttlMs, 'NX')) === 'OK';
    return held;
  }

  return {
    token,
    hold: async () => {
      try {
        return await hold();
      } catch (err) {
        held = false; // unknown state: act as standby until Redis answers again
        throw err;
      }
    },
    release: async () => {
      held = false;
      await redis.eval(RELEASE, 1, key, token);
    },
  };
}
