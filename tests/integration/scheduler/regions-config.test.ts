// REGIONS and MAX_LATENESS_S: the scheduler's region list and the workers' lateness budget.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../config/env.ts';
import { maxLatenessMs } from '../../../services/runtime/components.ts';

describe('REGIONS', () => {
  it('defaults to REGION, and lists each region once', () => {
    expect(loadConfig({}).regions).toEqual(['local']);
    expect(loadConfig({ REGION: 'teh' }).regions).toEqual(['teh']);
    expect(loadConfig({ REGION: 'teh', REGIONS: 'teh,mhd,teh' }).regions).toEqual(['teh', 'mhd']);
  });

  it('refuses a malformed list with one line naming it', () => {
    expect(() => loadConfig({ REGIONS: 'teh,,Mhd' })).toThrow(ConfigError);
    expect(() => loadConfig({ REGIONS: 'teh, mhd' })).toThrow(/^config: REGIONS="teh, mhd" is invalid: expected a comma-separated list/);
  });
});

describe('MAX_LATENESS_S', () => {
  it('defaults to one interval of each kind', () => {
    expect(maxLatenessMs(loadConfig({ UPTIME_INTERVAL_S: '30' }))).toEqual({ uptime: 30_000, tls: 86_400_000, speed: 21_600_000 });
  });

  it('when set, bounds every kind', () => {
    expect(maxLatenessMs(loadConfig({ MAX_LATENESS_S: '45' }))).toEqual({ uptime: 45_000, tls: 45_000, speed: 45_000 });
    expect(() => loadConfig({ MAX_LATENESS_S: '0' })).toThrow(/MAX_LATENESS_S="0" is invalid/);
  });
});
