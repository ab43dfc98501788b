// Protocol support by hand-built ClientHello: offered at exactly `version` with every suite of
// the table, a ServerHello at that same version means the server accepts it.
import { buildClientHello } from './client-hello.ts';
import { exchangeHello } from './hello-exchange.ts';
import { legacySuites, scanHello } from './hello-defaults.ts';
import { versionCodes, type RawTarget, type RecordVersion } from './types.ts';

export async function probeVersion(t: RawTarget, version: RecordVersion, signal?: AbortSignal): Promise<boolean> {
  const outcome = await exchangeHello(t, buildClientHello(scanHello(t, version, legacySuites)), signal);
  return outcome.kind === 'server_hello' && outcome.hello.version === versionCodes[version];
}
