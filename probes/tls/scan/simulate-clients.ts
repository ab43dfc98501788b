// Simulated clients from TLS-raw's profiles (probes/tls/clients/*.json): what each negotiates
// decides the FS, AEAD and 3DES caps. Until that layer exports simulateClients this returns null
// and the caps rely on the built-in Node client alone.
import type { ClientOutcome } from '../facts.ts';
import type { RawTarget } from '../raw/index.ts';

export async function simulateRawClients(_t: RawTarget, _signal?: AbortSignal): Promise<ClientOutcome[] | null> {
  return null; // TODO issue 4: wire raw simulateClients once TLS-raw exports it
}
