import { Redis } from 'ioredis';
import type { ReadinessCheck } from '../api/routes/health.ts';

/** A readiness check that pings Redis on a connection of its own (lazily opened, never blocking). */
export function redisReadiness(url: string): ReadinessCheck & { close: () => void } {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 1500 });
  redis.on('error', () => {});
  return {
    name: 'redis',
    check: async () => {
      if (redis.status === 'wait' || redis.status === 'end') await redis.connect().catch(() => {});
      await redis.ping();
    },
    close: () => redis.disconnect(),
  };
}
