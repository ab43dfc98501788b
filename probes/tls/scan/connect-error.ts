// The closed list of connection failures of the TLS scan, and the one reader of Node/OpenSSL
// error codes (style P6). 'rejected' means the server answered with a TLS alert or closed the
// handshake: it speaks TLS but not with what we offered.
export type ConnectErrorClass =
  | 'dns_failure' | 'egress_denied' | 'connection_refused' | 'connect_timeout' | 'handshake_timeout' | 'connection_reset'
  | 'not_tls' | 'rejected' | 'aborted' | 'other';
export type ConnectError = { class: ConnectErrorClass; code: string };

const notTlsCodes = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_RECORD_LAYER_FAILURE', 'ERR_SSL_HTTP_REQUEST']);

export function classifyConnectError(err: unknown): ConnectError {
  const e = err as { code?: string; name?: string } | undefined;
  const code = e?.code ?? e?.name ?? 'UNKNOWN';
  const c = (cls: ConnectErrorClass): ConnectError => ({ class: cls, code });
  if (code === 'EGRESS_DENIED') return c('egress_denied');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') return c('dns_failure');
  if (code === 'ECONNREFUSED') return c('connection_refused');
  if (code === 'ETIMEDOUT' || code === 'CONNECT_TIMEOUT') return c('connect_timeout');
  if (code === 'HANDSHAKE_TIMEOUT') return c('handshake_timeout');
  if (code === 'AbortError' || code === 'ABORT_ERR') return c('aborted');
  if (notTlsCodes.has(code)) return c('not_tls');
  if (code === 'ECONNRESET' || code === 'EPIPE') return c('connection_reset');
  if (code.startsWith('ERR_SSL_') || code === 'ERR_TLS_HANDSHAKE_CLOSED') return c('rejected');
  return c('other');
}
