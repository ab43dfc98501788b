// Protocol support by hand-built ClientHello: offered at exactly `version` with every suite of
// the table, a ServerHello at that same version means the server accepts it. Some servers choke
// on a very long suite list; when the full offer gets no ServerHello at all, a second hello offers
// only the suites real clients send (the union of the client profiles).
import { buildClientHello } from './client-hello.ts';
import { clientProfiles } from './client-profiles.ts';
import { exchangeHello, type HelloOutcome } from './hello-exchange.ts';
import { legacySuites, scanHello } from './hello-defaults.ts';
import { versionCodes, type RawTarget, type RecordVersion } from './types.ts';

const clientSuites = legacySuites.filter((c) => clientProfiles.some((p) => p.suites.includes(c)));

function offer(t: RawTarget, version: RecordVersion, suites: readonly number[], signal?: AbortSignal): Promise<HelloOutcome> {
  return exchangeHello(t, buildClientHello(scanHello(t, version, suites)), signal);
}

export async function probeVersion(t: RawTarget, version: RecordVersion, signal?: AbortSignal): Promise<boolean> {
  let outcome = await offer(t, version, legacySuites, signal);
  if (outcome.kind === 'alert' || outcome.kind === 'invalid' || (outcome.kind === 'ended' && outcome.reason === 'closed')) {
    outcome = await offer(t, version, clientSuites, signal);
  }
  return outcome.kind === 'server_hello' && outcome.hello.version === versionCodes[version];
}
