// The only reader of Lighthouse's runtimeError codes (core/lib/lh-error.js): maps a run that
// failed to load the page onto the closed SpeedError list, so that a dead page is never stored
// as a score of 0 that looks like a slow one (issue 5, style P6).
import type { SpeedError } from './types.ts';

type RuntimeError = { code: string; message: string };

/** net::ERR_* names Chromium gives in FAILED_DOCUMENT_REQUEST details. */
function classifyNetError(message: string): SpeedError {
  const net = /net::(ERR_[A-Z_]+)/.exec(message)?.[1] ?? 'unknown';
  if (net === 'ERR_NAME_NOT_RESOLVED' || net === 'ERR_NAME_RESOLUTION_FAILED') return { class: 'dns_failure', reason: net };
  if (/^ERR_(CERT|SSL)_/.test(net) || net === 'ERR_BAD_SSL_CLIENT_AUTH_CERT') return { class: 'tls_error', reason: net };
  if (net === 'ERR_TIMED_OUT' || net === 'ERR_CONNECTION_TIMED_OUT') return { class: 'page_timeout', reason: net };
  if (net === 'ERR_EMPTY_RESPONSE' || net === 'ERR_INVALID_HTTP_RESPONSE') return { class: 'no_content', reason: net };
  return { class: 'connection_failed', reason: net };
}

const byCode: Readonly<Record<string, (e: RuntimeError) => SpeedError>> = {
  DNS_FAILURE: () => ({ class: 'dns_failure', reason: 'DNS_FAILURE' }),
  FAILED_DOCUMENT_REQUEST: (e) => classifyNetError(e.message),
  ERRORED_DOCUMENT_REQUEST: (e) => ({
    class: 'http_status', status: Number(/Status code: (\d{3})/.exec(e.message)?.[1] ?? 0), reason: e.code,
  }),
  INSECURE_DOCUMENT_REQUEST: (e) => ({ class: 'tls_error', reason: e.message }),
  PAGE_HUNG: (e) => ({ class: 'page_timeout', reason: e.code }),
  NO_TTI_CPU_IDLE_PERIOD: (e) => ({ class: 'page_timeout', reason: e.code }),
  NO_TTI_NETWORK_IDLE_PERIOD: (e) => ({ class: 'page_timeout', reason: e.code }),
  NO_FCP: (e) => ({ class: 'no_content', reason: e.code }),
  NO_LCP: (e) => ({ class: 'no_content', reason: e.code }),
  NO_DOCUMENT_REQUEST: (e) => ({ class: 'no_content', reason: e.code }),
  NOT_HTML: (e) => ({ class: 'not_html', reason: e.message }),
  INVALID_URL: (e) => ({ class: 'invalid_url', reason: e.code }),
  TARGET_CRASHED: (e) => ({ class: 'browser_failure', reason: e.code }),
};

/**
 * The class of a Lighthouse runtimeError; unknown codes are Lighthouse's own failures.
 * `netError` is the document's net::ERR_* from the DevTools log: Chromium shows its error page
 * (CHROME_INTERSTITIAL_ERROR) for refused connections and certificate errors alike.
 */
export function classifyRuntimeError(error: RuntimeError, netError: string | null = null): SpeedError {
  if (error.code === 'CHROME_INTERSTITIAL_ERROR') {
    return netError ? classifyNetError(netError) : { class: 'connection_failed', reason: error.code };
  }
  const rule = byCode[error.code];
  return rule ? rule(error) : { class: 'lighthouse_error', reason: error.code };
}
