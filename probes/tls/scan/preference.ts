// The server's preference order at one version: offer the accepted suites in one order and then
// reversed; the same choice both times means the server picks. Then list its order by removing
// each chosen suite (k - 1 sequential handshakes, k = suites accepted).
import type { SecureVersion } from 'node:tls';
import { suiteByName } from '../cipher-suites.ts';
import { handshake, type Endpoint } from './handshake.ts';
import { offerOnly } from './suites.ts';

export type Preference = { serverOrder: boolean | 'unknown'; order: string[] };

const opensslName = (iana: string) => suiteByName(iana)?.openssl ?? iana;

async function choose(ep: Endpoint, v: SecureVersion, iana: readonly string[], signal?: AbortSignal): Promise<string | null> {
  const r = await handshake(ep, { minVersion: v, maxVersion: v, ciphers: offerOnly(v, iana.map(opensslName)) }, signal);
  return r.ok ? r.cipher.standardName : null;
}

export async function serverPreference(ep: Endpoint, v: SecureVersion, accepted: readonly string[], signal?: AbortSignal): Promise<Preference> {
  if (accepted.length < 2) return { serverOrder: 'unknown', order: [...accepted] };
  const [a, b] = await Promise.all([choose(ep, v, accepted, signal), choose(ep, v, [...accepted].reverse(), signal)]);
  if (a === null || b === null) return { serverOrder: 'unknown', order: [...accepted] };
  if (a !== b) return { serverOrder: false, order: [...accepted] };
  const order = [a];
  let rest = accepted.filter((s) => s !== a);
  while (rest.length > 1) {
    const next = await choose(ep, v, rest, signal);
    if (next === null || !rest.includes(next)) break;
    order.push(next);
    rest = rest.filter((s) => s !== next);
  }
  return { serverOrder: true, order: [...order, ...rest] };
}
