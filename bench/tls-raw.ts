// Raw ClientHello layer on loopback: milliseconds per probe against a modern node:tls server and a
// legacy gnutls-serv (3DES, RC4, TLS 1.0/1.1). Prints one JSON line and a table; asserts nothing.
// Run: npx node bench/tls-raw.ts   (needs gnutls-serv from gnutls-bin)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cipherSuites } from '../probes/tls/cipher-suites.ts';
import {
  clientProfiles, enumerateSuites, probeCompression, probeHeartbleed, probeSecureRenegotiation, probeSsl2,
  probeVersion, simulateClients, type RawTarget,
} from '../probes/tls/raw/index.ts';
import { mintSelfSigned } from '../tests/fixtures/tls-raw/certs.ts';
import { legacyPriority, startGnutlsServ } from '../tests/fixtures/tls-raw/gnutls-serv.ts';
import { startTlsServer } from '../tests/fixtures/tls-raw/node-tls-server.ts';

const runs = 7;
const all = [...cipherSuites.keys()];

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return Math.round(times.sort((a, b) => a - b)[runs >> 1]! * 10) / 10;
}

async function measure(t: RawTarget): Promise<Record<string, number>> {
  const versions = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2'] as const;
  return {
    probeVersion_x4_ms: await median(() => Promise.all(versions.map((v) => probeVersion(t, v)))),
    enumerate_tls12_ms: await median(() => enumerateSuites(t, 'TLSv1.2', all)),
    simulate_clients_ms: await median(() => simulateClients(t, clientProfiles)),
    extras_ms: await median(() => Promise.all([probeSsl2(t), probeCompression(t), probeSecureRenegotiation(t), probeHeartbleed(t)])),
    accepted_tls12: (await enumerateSuites(t, 'TLSv1.2', all)).accepted.length,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'bench-tls-raw-'));
const { certPem, keyPem } = mintSelfSigned('rsa');
writeFileSync(join(dir, 'cert.pem'), certPem);
writeFileSync(join(dir, 'key.pem'), keyPem);
const modern = await startTlsServer({ cert: certPem, key: keyPem, minVersion: 'TLSv1.2' });
const legacy = await startGnutlsServ({ priority: legacyPriority, certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem') });
const target = (port: number): RawTarget => ({ host: '127.0.0.1', port, allowPrivate: true, timeoutMs: 5000 });
try {
  const results = { modern: await measure(target(modern.port)), legacy: await measure(target(legacy.port)) };
  console.log(JSON.stringify({ bench: 'tls-raw', runs, node: process.version, ...results }));
  console.log('\nmetric                 modern(node:tls)  legacy(gnutls-serv)');
  for (const key of Object.keys(results.modern)) {
    console.log(`${key.padEnd(22)} ${String(results.modern[key]).padStart(16)}  ${String(results.legacy[key]).padStart(19)}`);
  }
} finally {
  await modern.close();
  await legacy.close();
  rmSync(dir, { recursive: true, force: true });
}
