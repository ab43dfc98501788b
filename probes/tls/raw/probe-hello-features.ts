// Two facts read off a single ServerHello each: TLS compression (CRIME, guide cap C) and secure
// renegotiation (RFC 5746; its absence is an A- warning, insecure renegotiation caps at F).
import { buildClientHello } from './client-hello.ts';
import { exchangeHello, type HelloOutcome } from './hello-exchange.ts';
import { legacySuites, scanHello } from './hello-defaults.ts';
import { extensionTypes, type RawTarget } from './types.ts';

const DEFLATE = 1;

async function helloAtBestVersion(t: RawTarget, extra: { compression?: number[] }, signal?: AbortSignal): Promise<HelloOutcome> {
  // Offered as TLS 1.2; a server with only older versions answers at its best one.
  return exchangeHello(t, buildClientHello({ ...scanHello(t, 'TLSv1.2', legacySuites), ...extra }), signal);
}

/** True when the server selected DEFLATE from an offer of [DEFLATE, null]. */
export async function probeCompression(t: RawTarget, signal?: AbortSignal): Promise<boolean> {
  const outcome = await helloAtBestVersion(t, { compression: [DEFLATE, 0] }, signal);
  return outcome.kind === 'server_hello' && outcome.hello.compression === DEFLATE;
}

/** Whether the ServerHello carries renegotiation_info; 'unknown' when no ServerHello came. */
export async function probeSecureRenegotiation(t: RawTarget, signal?: AbortSignal): Promise<'supported' | 'unsupported' | 'unknown'> {
  const outcome = await helloAtBestVersion(t, {}, signal);
  if (outcome.kind !== 'server_hello') return 'unknown';
  return outcome.hello.extensions.has(extensionTypes.renegotiationInfo) ? 'supported' : 'unsupported';
}
