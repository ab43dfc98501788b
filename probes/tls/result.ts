// The TLS probe's result: evidence, not only a letter (issue 4). 'no_https' is an outcome of its
// own (port 443 refuses, times out or does not speak TLS); the period rule set scores it.
import type { ProtocolName, SuiteFact, TlsFacts } from './facts.ts';
import type { TlsRating } from './rate.ts';
import type { ConnectErrorClass } from './scan/connect-error.ts';

export type { TlsGradeSymbol } from './grade.ts';

export type TlsProbeOptions = {
  allowPrivate: boolean;
  servername?: string;                 // SNI and the name the certificate must match (default: URL host)
  extraCa?: readonly string[];         // PEM roots trusted beside Node's Mozilla store (CLI --ca)
  timeoutMs?: number;                  // per connection; default 5000
  maxConnectionsPerHost?: number;      // suite enumeration pool, default 8 (trust, HSTS and the Node client add 3 beside it)
  raw?: boolean;                       // run the raw ClientHello checks; default true
  now?: () => number;
};

export type TlsProbeErrorClass = ConnectErrorClass | 'invalid_target' | 'no_common_protocol';
export type TlsProbeError = { class: TlsProbeErrorClass; detail: string };

export type TlsEndpointInfo = { host: string; port: number; ip: string; servername?: string };

export type TlsGraded = TlsEndpointInfo & {
  outcome: 'graded';
  grade: TlsRating['grade'];
  rating: TlsRating;
  facts: TlsFacts;
  protocols: readonly ProtocolName[];
  suites: readonly SuiteFact[];        // per version, in server preference order when known
  durationMs: number;
};

export type TlsResult =
  | TlsGraded
  | (TlsEndpointInfo & { outcome: 'no_https'; error: TlsProbeError; durationMs: number })
  | { outcome: 'error'; error: TlsProbeError; durationMs: number };
