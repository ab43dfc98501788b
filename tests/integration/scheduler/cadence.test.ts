// Cadence: the hash spread over the interval, per-target overrides from targets.settings, regions.
import { describe, expect, it } from 'vitest';
import { dueJobs } from '../../../services/scheduler/scheduler.ts';
import { cadenceOverridesMs } from '../../../services/scheduler/target-cadence.ts';

describe('per-target cadence overrides', () => {
  it.each([
    [{ intervalsS: { uptime: 30 } }, { uptime: 30_000 }],
    [{ intervalsS: { uptime: 30, tls: 3600, speed: 'x' } }, { uptime: 30_000, tls: 3_600_000 }],
    [{ intervalsS: { uptime: 5 } }, undefined], // below the 10 s floor: ignored
    [{ intervalsS: { uptime: 12.5 } }, undefined],
    [{ intervalsS: 60 }, undefined],
    [{}, undefined],
    [null, undefined],
  ])('%j → %j', (settings, expected) => {
    expect(cadenceOverridesMs(settings)).toEqual(expected);
  });
});

describe('dueJobs', () => {
  const deps = { cadencesMs: { uptime: 60_000, tls: 86_400_000 }, regions: ['teh', 'mhd'] };
  const t0 = 1_800_000_000_000;

  it('schedules each target once per interval per region, spread over the interval', () => {
    const targets = Array.from({ length: 600 }, (_, i) => ({ id: i + 1, url: `http://x/${i}` }));
    const jobs = dueJobs(targets, { ...deps, cadencesMs: { uptime: 60_000 } }, t0, t0 + 60_000);
    expect(jobs).toHaveLength(1200);
    for (const region of deps.regions) expect(new Set(jobs.filter((j) => j.region === region).map((j) => j.targetId)).size).toBe(600);
    const perSecond = new Map<number, number>();
    for (const j of jobs) perSecond.set(Math.floor((j.slotMs - t0) / 1000), (perSecond.get(Math.floor((j.slotMs - t0) / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThan(2 * 1200 / 60 * 2.5); // no thundering second
  });

  it('honours a per-target override and leaves other kinds at their default', () => {
    const targets = [{ id: 1, url: 'http://a/', intervalsMs: cadenceOverridesMs({ intervalsS: { uptime: 30 } }) }, { id: 2, url: 'http://b/' }];
    const jobs = dueJobs(targets, deps, t0, t0 + 120_000);
    const count = (id: number, kind: string) => jobs.filter((j) => j.targetId === id && j.kind === kind && j.region === 'teh').length;
    expect(count(1, 'uptime')).toBe(4);
    expect(count(2, 'uptime')).toBe(2);
    expect(count(1, 'tls') + count(2, 'tls')).toBeLessThanOrEqual(2);
  });
});
