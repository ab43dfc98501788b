// Suite enumeration (the testssl.sh / SSL Labs method): offer the candidates, note the one the
// server picks, remove it, repeat until the server refuses. The picks come out in the server's
// order of choice; one more hello with that list reversed tells server from client preference.
import { buildClientHello } from './client-hello.ts';
import { exchangeHello } from './hello-exchange.ts';
import { scanHello } from './hello-defaults.ts';
import { cipherSuites } from '../cipher-suites.ts';
import { versionCodes, type RawTarget, type RecordVersion } from './types.ts';

export type Enumeration = { accepted: number[]; serverOrder: boolean | 'unknown' };

async function pick(t: RawTarget, version: RecordVersion, offer: readonly number[], signal?: AbortSignal): Promise<number | null> {
  if (offer.length === 0) return null;
  const outcome = await exchangeHello(t, buildClientHello(scanHello(t, version, offer)), signal);
  if (outcome.kind !== 'server_hello' || outcome.hello.version !== versionCodes[version]) return null;
  return offer.includes(outcome.hello.suite) ? outcome.hello.suite : null;
}

async function preference(t: RawTarget, version: RecordVersion, accepted: readonly number[], signal?: AbortSignal): Promise<boolean | 'unknown'> {
  if (accepted.length < 2) return 'unknown';
  const choice = await pick(t, version, [...accepted].reverse(), signal);
  if (choice === accepted[0]) return true;
  if (choice === accepted[accepted.length - 1]) return false;
  return 'unknown';
}

async function acceptedIn(t: RawTarget, version: RecordVersion, suites: readonly number[], signal?: AbortSignal): Promise<number[]> {
  let remaining = [...suites];
  const accepted: number[] = [];
  for (;;) {
    const chosen = await pick(t, version, remaining, signal);
    if (chosen === null) return accepted;
    accepted.push(chosen);
    remaining = remaining.filter((c) => c !== chosen);
  }
}

// Servers intolerant of long suite lists refuse the full offer; then the candidates go in chunks
// and the suites found are offered once more together to recover the server's order of choice.
const chunkSize = 64;

async function acceptedInChunks(t: RawTarget, version: RecordVersion, suites: readonly number[], signal?: AbortSignal): Promise<number[]> {
  const found: number[] = [];
  for (let i = 0; i < suites.length; i += chunkSize) found.push(...await acceptedIn(t, version, suites.slice(i, i + chunkSize), signal));
  if (found.length < 2) return found;
  const ordered = await acceptedIn(t, version, found, signal);
  return ordered.length === found.length ? ordered : found;
}

/** Which of `suites` the server accepts at `version`, one connection at a time. */
export async function enumerateSuites(t: RawTarget, version: RecordVersion, suites: readonly number[], signal?: AbortSignal): Promise<Enumeration> {
  // TLS 1.3 suites cannot be negotiated by a pre-1.3 hello; leave them out of the offer.
  const candidates = suites.filter((c) => !cipherSuites.get(c)?.tls13);
  let accepted = await acceptedIn(t, version, candidates, signal);
  if (accepted.length === 0 && candidates.length > chunkSize) accepted = await acceptedInChunks(t, version, candidates, signal);
  return { accepted, serverOrder: await preference(t, version, accepted, signal) };
}
