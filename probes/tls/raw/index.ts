// The raw ClientHello layer: the registry of what TLS-scan imports. Every function opens a bounded
// number of connections (one at a time; simulateClients up to 4 at once), destroys each socket, and answers what the
// server did as a value; it throws only EgressDeniedError (the policy refused the address) or the
// abort reason when `signal` fires.
export type { RawTarget, RawVersion } from './types.ts';
export { probeVersion } from './probe-version.ts';
export { enumerateSuites, type Enumeration } from './enumerate-suites.ts';
export { probeCompression, probeSecureRenegotiation } from './probe-hello-features.ts';
export { probeHeartbleed, type HeartbleedVerdict } from './probe-heartbleed.ts';
export { probeSsl2 } from './probe-ssl2.ts';
export { clientProfiles, loadClientProfiles, type ClientProfile } from './client-profiles.ts';
export { simulateClients, type Negotiated } from './simulate-clients.ts';
