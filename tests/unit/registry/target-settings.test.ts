import { describe, expect, it } from 'vitest';
import { defaultUptimeOptions } from '../../../probes/uptime/options.ts';
import { uptimeOptionsFor } from '../../../services/registry/target-settings.ts';

describe('uptimeOptionsFor', () => {
  it('keeps the defaults when the target has no uptime settings', () => {
    expect(uptimeOptionsFor(defaultUptimeOptions, {})).toEqual({ options: defaultUptimeOptions });
    expect(uptimeOptionsFor(defaultUptimeOptions, { intervalsS: { uptime: 30 } })).toEqual({ options: defaultUptimeOptions });
  });

  it('applies keyword, statuses and thresholds', () => {
    const { options, invalid } = uptimeOptionsFor(defaultUptimeOptions,
      { uptime: { keyword: 'خطا', keywordMode: 'absent', acceptStatus: '200-299,404', degradedAfterMs: 2500, timeoutMs: 8000, maxRedirects: 2 } });
    expect(invalid).toBeUndefined();
    expect(options).toMatchObject({ keyword: { text: 'خطا', mode: 'absent' }, acceptStatus: [[200, 299], [404, 404]], degradedAfterMs: 2500, timeoutMs: 8000, maxRedirects: 2 });
  });

  it('names what is wrong in invalid settings and keeps the defaults', () => {
    const r = uptimeOptionsFor(defaultUptimeOptions, { uptime: { timeoutMs: 5, colour: 'red' } });
    expect(r.options).toBe(defaultUptimeOptions);
    expect(r.invalid).toMatch(/uptime\.timeoutMs/);
    expect(r.invalid).toMatch(/colour/);
  });
});
