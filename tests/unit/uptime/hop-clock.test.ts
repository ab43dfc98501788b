import { describe, expect, it } from 'vitest';
import { fullTimings, phaseOf, startHop, sumTimings, type HopClock } from '../../../probes/uptime/hop-clock.ts';

describe('hop clock', () => {
  it('sums non-overlapping phases over hops', () => {
    const hops: HopClock[] = [
      { https: false, startAt: 0, dnsAt: 5, connectAt: 15, readyAt: 15, headersAt: 40 },
      { https: true, startAt: 41, dnsAt: 43, connectAt: 50, secureAt: 70, readyAt: 70, headersAt: 100 },
    ];
    expect(sumTimings(hops, 120)).toEqual({ dnsMs: 7, connectMs: 17, tlsMs: 20, ttfbMs: 55, totalMs: 120 });
  });

  it('leaves out phases that never completed, and fills zeros for a success', () => {
    const stuck: HopClock = { https: true, startAt: 0, dnsAt: 2, connectAt: 4 };
    expect(sumTimings([stuck], 1000)).toEqual({ dnsMs: 2, connectMs: 2, totalMs: 1000 });
    expect(fullTimings([{ https: false, startAt: 0, dnsAt: 0, connectAt: 1, readyAt: 1, headersAt: 3 }], 4))
      .toEqual({ dnsMs: 0, connectMs: 1, tlsMs: 0, ttfbMs: 2, totalMs: 4 });
  });

  it('knows the phase a hop stopped in', () => {
    expect(phaseOf({ https: false, startAt: 0 })).toBe('dns');
    expect(phaseOf({ https: false, startAt: 0, dnsAt: 1 })).toBe('connect');
    expect(phaseOf({ https: true, startAt: 0, dnsAt: 1, connectAt: 2 })).toBe('tls');
    expect(phaseOf({ https: true, startAt: 0, dnsAt: 1, connectAt: 2, secureAt: 3, readyAt: 3 })).toBe('wait');
    expect(phaseOf({ https: false, startAt: 0, dnsAt: 1, connectAt: 2, readyAt: 2, headersAt: 5 })).toBe('body');
  });

  it('an IP literal starts with DNS done', () => {
    expect(startHop(new URL('http://[::1]:80/'), () => 7)).toMatchObject({ dnsAt: 7, startAt: 7, https: false });
    expect(startHop(new URL('https://example.ir/'), () => 7).dnsAt).toBeUndefined();
  });
});
