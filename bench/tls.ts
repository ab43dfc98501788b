// bench/tls: seconds per graded host on loopback, for a modern server (node:https, TLS 1.2+1.3,
// HSTS) and a legacy one (gnutls-serv with TLS 1.0–1.3, 3DES, RC4, RSA key exchange). Every run
// is a full probeTls: versions, suite enumeration, preference, trust, HSTS, raw checks and client
// simulation. Prints a JSON line and a table; asserts nothing. Run: npx node bench/tls.ts [runs]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { probeTls } from '../probes/tls/probe-tls.ts';
import { issue } from '../tests/fixtures/tls/pki.ts';
import { startHttpsServer } from '../tests/fixtures/tls/https-server.ts';
import { legacyPriority, startGnutlsServ } from '../tests/fixtures/tls-raw/gnutls-serv.ts';

const runs = Number(process.argv[2] ?? 10);
const host = 'bench.sanjeh.test';
const root = issue({ cn: 'Sanjeh Bench Root', isCa: true });
const leaf = issue({ cn: host, sans: [host], issuer: root });
const dir = mkdtempSync(join(tmpdir(), 'sanjeh-bench-tls-'));
writeFileSync(join(dir, 'cert.pem'), leaf.certPem);
writeFileSync(join(dir, 'key.pem'), leaf.keyPem);

async function measure(url: string) {
  const seconds: number[] = [];
  let grade = '';
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = await probeTls({ url }, { allowPrivate: true, servername: host, extraCa: [root.certPem], timeoutMs: 5000 });
    seconds.push((performance.now() - t0) / 1000);
    grade = r.outcome === 'graded' ? r.grade : r.outcome;
  }
  seconds.sort((a, b) => a - b);
  const mean = seconds.reduce((a, b) => a + b, 0) / seconds.length;
  const median = seconds[Math.floor(seconds.length / 2)] ?? 0;
  return { grade, runs, meanS: +mean.toFixed(3), medianS: +median.toFixed(3), maxS: +(seconds.at(-1) ?? 0).toFixed(3) };
}

const modern = await startHttpsServer({ key: leaf.keyPem, cert: leaf.certPem }, 'max-age=31536000');
const legacy = await startGnutlsServ({ priority: legacyPriority, certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem') });
try {
  const m = await measure(modern.url);
  const l = await measure(`https://127.0.0.1:${legacy.port}/`);
  console.log(JSON.stringify({ bench: 'tls', node: process.version, cpus: cpus().length, modern: m, legacy: l }));
  console.log('server   grade  runs  mean s  median s  max s');
  for (const [name, r] of [['modern', m], ['legacy', l]] as const) {
    console.log(`${name.padEnd(8)} ${r.grade.padEnd(6)} ${String(r.runs).padEnd(5)} ${r.meanS.toFixed(3).padEnd(7)} ${r.medianS.toFixed(3).padEnd(9)} ${r.maxS.toFixed(3)}`);
  }
} finally {
  await modern.close();
  await legacy.close();
  rmSync(dir, { recursive: true, force: true });
}
