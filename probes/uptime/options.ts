// Options of one uptime check. Defaults follow issue 3: 15 s overall, 5 redirects, 1 MiB of body,
// statuses 200–399 accepted, "degraded" above 5 s. The connect timeout (5 s) is separate so that
// an unreachable host is told apart from a slow application.

export type KeywordAssertion = {
  /** Matched as UTF-8 bytes, case-sensitive, in the decoded body. */
  readonly text: string;
  /** 'present': the page must contain it; 'absent': it must not (e.g. an error-page phrase). */
  readonly mode: 'present' | 'absent';
};

export type UptimeOptions = {
  /** Deadline of the whole check: every hop, headers and body. */
  readonly timeoutMs: number;
  /** Per connection: DNS + TCP + TLS handshake. */
  readonly connectTimeoutMs: number;
  readonly maxRedirects: number;
  /** Body bytes read at most (wire bytes and decoded bytes alike), then the connection is closed. */
  readonly maxBodyBytes: number;
  /** Inclusive [low, high] ranges of accepted HTTP statuses. */
  readonly acceptStatus: ReadonlyArray<readonly [number, number]>;
  readonly keyword?: KeywordAssertion;
  /** A successful check slower than this (totalMs) is 'degraded'. */
  readonly degradedAfterMs: number;
  /** ALLOW_PRIVATE_TARGETS: connect to loopback/private/link-local/metadata addresses. */
  readonly allowPrivate: boolean;
  /** Exact addresses allowed even when private (ALLOWED_TARGET_ADDRESSES). */
  readonly allowAddresses?: readonly string[];
  /** Wall clock for checkedAt (ms since the epoch); phase timings use the monotonic clock. */
  readonly now?: () => number;
  /** PEM certificates trusted in addition to Node's root store (tests, private CAs). */
  readonly extraCa?: readonly string[];
};

export const defaultUptimeOptions: UptimeOptions = Object.freeze({
  timeoutMs: 15_000,
  connectTimeoutMs: 5_000,
  maxRedirects: 5,
  maxBodyBytes: 1024 * 1024,
  acceptStatus: Object.freeze([Object.freeze([200, 399] as const)]),
  degradedAfterMs: 5_000,
  allowPrivate: false,
});
