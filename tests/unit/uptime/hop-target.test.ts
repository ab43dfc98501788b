// The redirect hop check: scheme, IP-literal egress, resolution of relative Locations.
import { describe, expect, it } from 'vitest';
import { checkHop, nextHop } from '../../../probes/uptime/hop-target.ts';

const closed = { allowPrivate: false };
const open = { allowPrivate: true };
const from = new URL('https://portal.example.ir/a/b?q=1');

describe('nextHop', () => {
  it('resolves relative Locations against the current URL and drops the fragment', () => {
    expect(nextHop(from, '../c#top', closed)).toEqual({ ok: true, url: new URL('https://portal.example.ir/c') });
    expect(nextHop(from, '//other.example.ir/x', closed)).toMatchObject({ ok: true, url: new URL('https://other.example.ir/x') });
  });

  it.each([
    ['http://10.1.2.3/admin', /private/],
    ['http://192.168.1.1/', /private/],
    ['http://169.254.169.254/latest/meta-data/', /metadata/],
    ['http://127.0.0.1:8080/', /loopback/],
    ['http://[::1]/', /loopback/],
    ['http://[::ffff:127.0.0.1]/', /loopback/],
    ['http://[fd00::1]/', /unique-local/],
  ])('a redirect to %s is egress_denied when private targets are not allowed', (location, reason) => {
    const hop = nextHop(from, location, closed);
    expect(hop).toMatchObject({ ok: false, error: { class: 'egress_denied' } });
    expect(!hop.ok && hop.error.class === 'egress_denied' && hop.error.reason).toMatch(reason);
    expect(nextHop(from, location, open).ok).toBe(true);
  });

  it.each(['file:///etc/passwd', 'ftp://portal.example.ir/', 'javascript:alert(1)', 'gopher://x/'])(
    'a redirect to %s is refused whatever the policy', (location) => {
      expect(nextHop(from, location, open)).toMatchObject({ ok: false, error: { class: 'egress_denied' } });
    });

  it('an unparsable Location is invalid_response', () => {
    expect(nextHop(from, 'http://[::1', open)).toEqual({ ok: false, error: { class: 'invalid_response' } });
  });

  it('public literals and names pass (names are checked at connect time)', () => {
    expect(checkHop(new URL('http://185.143.232.10/'), closed).ok).toBe(true);
    expect(checkHop(new URL('http://localhost/'), closed).ok).toBe(true);
  });
});
