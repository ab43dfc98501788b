// The result of one uptime check (issue 3). The outage detector, storage, rollups and indicator 3
// are built on these types: keep them stable, add fields rather than change them.
//
// What each field means:
// - checkedAt: when the check started, ISO 8601 UTC, from the injected clock (`options.now`).
// - timings: non-overlapping phases summed over every hop of the redirect chain (a hop is one
//   fresh connection): dnsMs (name lookup; 0 for an IP literal), connectMs (TCP handshake),
//   tlsMs (TLS handshake; 0 for http:), ttfbMs (request sent on a ready connection → response
//   headers), totalMs (wall clock of the whole check, redirects and body included). On a 'down'
//   result only the phases that completed are present, so the evidence shows where it stalled.
// - bytesRead: body bytes taken off the wire over the final hop (after de-chunking, before
//   content decoding); at most maxBodyBytes.
// - finalUrl: the URL of the last hop requested.
export type Timings = { dnsMs: number; connectMs: number; tlsMs: number; ttfbMs: number; totalMs: number };

export type ProbeError =
  | { class: 'tls_error'; reason: string } // e.g. 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID'
  | { class: 'http_status'; status: number }
  | { class: 'egress_denied'; reason: string }
  | {
    class: 'dns_nxdomain' | 'dns_timeout' | 'connection_refused' | 'connection_reset'
      | 'connect_timeout' | 'response_timeout' | 'too_many_redirects' | 'keyword_missing'
      | 'body_too_large' | 'invalid_response';
  };

export type ErrorClass = ProbeError['class'];

/** Every error class, in a stable order (for metric labels, DB checks, locale keys). */
export const errorClasses = [
  'dns_nxdomain', 'dns_timeout', 'connection_refused', 'connection_reset', 'connect_timeout',
  'tls_error', 'response_timeout', 'too_many_redirects', 'http_status', 'keyword_missing',
  'body_too_large', 'invalid_response', 'egress_denied',
] as const satisfies readonly ErrorClass[];

export type UptimeResult =
  | {
    outcome: 'up' | 'degraded';
    status: number;
    finalUrl: string;
    timings: Timings;
    bytesRead: number;
    checkedAt: string;
  }
  | {
    outcome: 'down';
    error: ProbeError;
    status?: number;
    finalUrl?: string;
    timings: Partial<Timings>;
    bytesRead: number;
    checkedAt: string;
  };

export type UptimeOutcome = UptimeResult['outcome'];

export type UptimeTarget = { readonly url: string };

// The options live in options.ts and the check in probe-uptime.ts; the options are re-exported
// here so the result module stays the one import for consumers of the shapes.
export { defaultUptimeOptions, type UptimeOptions, type KeywordAssertion } from './options.ts';
