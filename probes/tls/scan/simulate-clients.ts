// Simulated clients from TLS-raw's profiles (probes/tls/clients/*.json): the suite each one
// negotiates decides the FS, AEAD and 3DES caps (guide: what real clients get, not what the
// server merely accepts). A failed simulation run yields null, never a throw.
import { cipherSuites } from '../cipher-suites.ts';
import type { ClientOutcome, ProtocolName } from '../facts.ts';
import { clientProfiles, simulateClients, type Negotiated, type RawTarget } from '../raw/index.ts';
import { factOf } from './suite-fact.ts';

function outcome(n: Negotiated): ClientOutcome {
  const s = n.suite === undefined ? undefined : cipherSuites.get(n.suite);
  const protocol = n.version as ProtocolName | undefined;
  return {
    client: n.client, modern: n.modern, ok: n.ok && s !== undefined,
    ...(protocol ? { protocol } : {}), ...(s && protocol ? { suite: factOf(s, protocol) } : {}),
  };
}

export async function simulateRawClients(t: RawTarget, signal?: AbortSignal): Promise<ClientOutcome[] | null> {
  try {
    return (await simulateClients(t, clientProfiles, signal)).map(outcome);
  } catch {
    return null;
  }
}
