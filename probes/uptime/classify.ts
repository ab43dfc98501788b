// The only reader of undici, Node and OpenSSL error codes (style guide P6): turns what went wrong
// while talking to a target into a ProbeError from the closed list of issue 3.
//
// Choices worth knowing:
// - A deadline (our overall AbortSignal, or undici's connect timeout) is classed by the phase
//   the hop had reached: still resolving → dns_timeout; resolved but no TCP connection, or TCP
//   up but the TLS handshake unfinished → connect_timeout (the timings then show connectMs
//   without tlsMs, which is the evidence of a stalled handshake); waiting for or reading the
//   response → response_timeout.
// - "No route" errors (EHOSTUNREACH, ENETUNREACH) count as connect_timeout: to a user they look
//   the same as a host that never answers.
// - An error with no recognised code is not the target's doing as far as we can tell (a bug of
//   ours, say): classify returns null and the probe rethrows it, so the worker retries the job.
import type { ProbeError } from './result.ts';

/** How far the current hop got when the error struck. */
export type Phase = 'dns' | 'connect' | 'tls' | 'wait' | 'body';

const nxdomain = new Set(['ENOTFOUND', 'ENODATA', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL']);
const dnsTimeout = new Set(['EAI_AGAIN', 'ETIMEOUT', 'ESERVFAIL']);
const reset = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'ERR_STREAM_PREMATURE_CLOSE']);
const noRoute = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN']);
const responseTimeout = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const deadline = new Set(['UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT', 'TimeoutError', 'AbortError', 'ABORT_ERR', 'UND_ERR_ABORTED']);
const invalid = new Set([
  'UND_ERR_HEADERS_OVERFLOW', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH', 'UND_ERR_INFO',
  'UND_ERR_RESPONSE_STATUS_CODE', 'ERR_INVALID_URL', 'ERR_INVALID_HTTP_TOKEN',
]);
const tlsPrefixes = ['CERT_', 'ERR_TLS_', 'ERR_SSL_', 'ERR_OSSL_'];
const tlsCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'HOSTNAME_MISMATCH',
  'INVALID_CA', 'INVALID_PURPOSE', 'PATH_LENGTH_EXCEEDED', 'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE', 'EPROTO',
]);

/** The code of an error: `code`, else the name of a DOMException-like abort, else its cause's. */
export function errorCode(err: unknown, depth = 0): string | undefined {
  if (typeof err !== 'object' || err === null || depth > 3) return undefined;
  const { code, name, cause } = err as { code?: unknown; name?: unknown; cause?: unknown };
  if (typeof code === 'string' && code !== '') return code;
  if (name === 'TimeoutError' || name === 'AbortError') return name;
  if (name === 'HTTPParserError') return 'HPE_UNKNOWN'; // undici leaves `code` undefined on some

  return errorCode(cause, depth + 1);
}

function byDeadline(phase: Phase): ProbeError {
  if (phase === 'dns') return { class: 'dns_timeout' };
  if (phase === 'connect' || phase === 'tls') return { class: 'connect_timeout' };
  return { class: 'response_timeout' };
}

function isTls(code: string): boolean {
  return tlsCodes.has(code) || tlsPrefixes.some((p) => code.startsWith(p));
}

/** The class of a failure, or null when the error is not something a target can cause. */
export function classify(err: unknown, phase: Phase): ProbeError | null {
  const code = errorCode(err);
  if (code === undefined) return null;
  if (code === 'EGRESS_DENIED') return { class: 'egress_denied', reason: (err as Error).message };
  if (code === 'ECONNREFUSED') return { class: 'connection_refused' };
  if (nxdomain.has(code)) return { class: 'dns_nxdomain' };
  if (dnsTimeout.has(code)) return { class: 'dns_timeout' };
  if (deadline.has(code)) return byDeadline(phase);
  if (responseTimeout.has(code)) return { class: 'response_timeout' };
  if (reset.has(code)) return { class: 'connection_reset' };
  if (noRoute.has(code)) return { class: 'connect_timeout' };
  if (code.startsWith('HPE_') || code.startsWith('Z_') || invalid.has(code)) return { class: 'invalid_response' };
  if (isTls(code)) return { class: 'tls_error', reason: code };
  return null;
}
