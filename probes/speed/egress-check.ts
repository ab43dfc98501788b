// The speed probe's egress policy (issue 5: "the page URL and its redirects pass the egress
// policy"). Chromium resolves names itself, so Node's guardedLookup cannot sit under it. Covered:
//  1. before Chromium starts, the page's host is resolved and checked (resolveAllowed);
//  2. the host is pinned to the checked address with --host-resolver-rules, so a second DNS
//     answer (rebinding) cannot send the page's own navigation elsewhere;
//  3. after the run, the addresses Chromium actually used for every document (redirect hops,
//     frames) are checked; a forbidden one turns the whole measurement into egress_denied and
//     its report is discarded.
// Not covered: subresources (images, scripts, XHR) on other hosts are not checked, and a
// redirect to a forbidden address is detected only after Chromium has connected to it.
import { isIP } from 'node:net';
import { EgressDeniedError, assertAddressAllowed, resolveAllowed, type EgressPolicy } from '../egress/policy.ts';
import type { SpeedError } from './types.ts';

export type Preflight = { ok: true; extraFlags: string[] } | { ok: false; error: SpeedError };

function deniedOrDns(err: unknown): SpeedError {
  if (err instanceof EgressDeniedError) return { class: 'egress_denied', reason: err.message };
  const code = (err as { code?: string }).code ?? 'unknown';
  return { class: 'dns_failure', reason: code };
}

export async function preflight(rawUrl: string, policy: EgressPolicy): Promise<Preflight> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, error: { class: 'invalid_url', reason: 'not a URL' } };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: { class: 'invalid_url', reason: `scheme ${url.protocol}` } };
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  try {
    const [first] = await resolveAllowed(host, policy);
    if (isIP(host) || !first) return { ok: true, extraFlags: [] };
    const target = isIP(first) === 6 ? `[${first}]` : first;
    return { ok: true, extraFlags: [`--host-resolver-rules=MAP ${host} ${target}`] };
  } catch (err) {
    return { ok: false, error: deniedOrDns(err) };
  }
}

/** Checks the document addresses Chromium used; null when all are allowed. */
export function checkDocumentAddresses(addresses: readonly string[], policy: EgressPolicy): SpeedError | null {
  for (const ip of addresses) {
    try {
      assertAddressAllowed(ip, policy);
    } catch (err) {
      return deniedOrDns(err);
    }
  }
  return null;
}
