import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../config/env.ts';

describe('loadConfig', () => {
  it('gives embedded defaults with no variables set', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBeUndefined();
    expect(c.redisUrl).toBeUndefined();
    expect(c.port).toBe(8080);
    expect(c.allowPrivateTargets).toBe(false);
    expect(c.intervalsS).toEqual({ uptime: 60, tls: 86_400, speed: 21_600 });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it.each([
    ['PORT', 'abc', 'config: PORT="abc" is invalid: expected an integer from 0 to 65535'],
    ['PORT', '70000', 'config: PORT="70000" is invalid: expected an integer from 0 to 65535'],
    ['DATABASE_URL', 'mysql://db/x', 'config: DATABASE_URL="mysql://db/x" is invalid: expected a URL starting with postgres:// or postgresql://'],
    ['REDIS_URL', 'not a url', 'config: REDIS_URL="not a url" is invalid: expected a URL starting with redis:// or rediss://'],
    ['ALLOW_PRIVATE_TARGETS', 'maybe', 'config: ALLOW_PRIVATE_TARGETS="maybe" is invalid: expected true or false'],
    ['LOG_LEVEL', 'loud', 'config: LOG_LEVEL="loud" is invalid: expected one of fatal, error, warn, info, debug, trace, silent'],
    ['REGION', 'Tehran 1', 'config: REGION="Tehran 1" is invalid: expected a region name of lower-case letters, digits and "-" (1-32)'],
    ['UPTIME_INTERVAL_S', '5', 'config: UPTIME_INTERVAL_S="5" is invalid: expected an integer from 10 to 86400'],
  ])('rejects %s=%s with one line naming it', (name, value, line) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(line);
    try { loadConfig({ [name]: value }); } catch (err) { expect((err as Error).message.split('\n')).toHaveLength(1); }
  });

  it('reports every bad variable, one line each', () => {
    try {
      loadConfig({ PORT: 'x', REDIS_URL: 'http://x' });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message.split('\n').sort()).toEqual([
        'config: PORT="x" is invalid: expected an integer from 0 to 65535',
        'config: REDIS_URL="http://x" is invalid: expected a URL starting with redis:// or rediss://',
      ]);
    }
  });

  it('parses accepted values', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://127.0.0.1:6379', PORT: '0', ALLOW_PRIVATE_TARGETS: 'true', REGION: 'teh-1' });
    expect(c).toMatchObject({ databaseUrl: 'postgres://u@h/db', redisUrl: 'redis://127.0.0.1:6379', port: 0, allowPrivateTargets: true, region: 'teh-1' });
  });
});

describe('ALLOWED_TARGET_ADDRESSES', () => {
  it('takes a comma-separated list of IP addresses', () => {
    expect(loadConfig({ ALLOWED_TARGET_ADDRESSES: '10.0.0.5, fd00::1' }).allowedTargetAddresses).toEqual(['10.0.0.5', 'fd00::1']);
  });
  it('names a bad entry', () => {
    expect(() => loadConfig({ ALLOWED_TARGET_ADDRESSES: '10.0.0.5,mirror.local' }))
      .toThrow('config: ALLOWED_TARGET_ADDRESSES="10.0.0.5,mirror.local" is invalid: expected a comma-separated list of IP addresses');
  });
});
