// Where the probe may go next: the target itself and every redirect hop pass this check before a
// connection is opened. Only http: and https: are followed (a Location of file:, ftp:,
// javascript: … is refused), and an IP literal in a forbidden range is refused here, before any
// packet is sent. Host names are checked at connect time by the guarded lookup and on the
// connected socket (see timed-connector.ts), which also covers DNS rebinding.
import { isIP } from 'node:net';
import { assertAddressAllowed, type EgressPolicy } from '../egress/policy.ts';
import type { ProbeError } from './result.ts';

export type HopCheck = { ok: true; url: URL } | { ok: false; error: ProbeError; url?: URL };

export const redirectStatuses: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Checks an absolute URL as the next hop. */
export function checkHop(url: URL, policy: EgressPolicy): HopCheck {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, url, error: { class: 'egress_denied', reason: `refused to follow a ${url.protocol} URL: only http: and https: are probed` } };
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) {
    try {
      assertAddressAllowed(host, policy);
    } catch (denied) {
      return { ok: false, url, error: { class: 'egress_denied', reason: (denied as Error).message } };
    }
  }
  return { ok: true, url };
}

/** Resolves a Location header against the current URL and checks it as the next hop. */
export function nextHop(current: URL, location: string, policy: EgressPolicy): HopCheck {
  let url: URL;
  try {
    url = new URL(location, current);
  } catch {
    return { ok: false, error: { class: 'invalid_response' } };
  }
  url.hash = '';
  return checkHop(url, policy);
}
