// `sanjeh probe tls URL [--json] [--ca FILE]...`: grades one host's TLS (issue 4) and prints the
// evidence. Exit code 0 when graded, 1 for no HTTPS or a classified error, 2 on bad arguments.
// Private/loopback targets follow ALLOW_PRIVATE_TARGETS, as in the worker.
import { readFileSync } from 'node:fs';
import { loadConfig } from '../../../config/env.ts';
import { probeTls } from '../../../probes/tls/probe-tls.ts';
import type { TlsGraded, TlsResult } from '../../../probes/tls/result.ts';
import { UsageError, type CliCommand } from '../command.ts';
import { intFlag, parseCliArgs, urlArg } from '../args.ts';

const flags = {
  json: { type: 'boolean' },
  ca: { type: 'string', multiple: true },
  servername: { type: 'string' },
  'timeout-ms': { type: 'string' },
  connections: { type: 'string' },
  lang: { type: 'string' },
} as const;


function readCa(files: readonly string[]): string[] {
  return files.map((f) => {
    try { return readFileSync(f, 'utf8'); } catch (err) { throw new UsageError(`--ca ${f}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`); }
  });
}


function describeGraded(r: TlsGraded, lang: 'fa' | 'en'): string[] {
  const { rating: g, facts: f } = r;
  const s = g.scores;
  const c = f.cert;
  const lines = [
    `GRADE ${r.grade}   (if trust issues are ignored: ${g.gradeIgnoringTrust})   ${r.host}:${r.port} [${r.ip}]   ${r.durationMs} ms`,
    `score       ${s.total} (protocol ${s.protocol}, key exchange ${s.keyExchange}, cipher ${s.cipher}) → ${g.scoreLetter}`,
    `protocols   ${r.protocols.join(', ')}`,
    `server order ${String(f.serverPreference)}`,
    ...r.suites.map((x, i) => `${i === 0 ? 'suites     ' : '           '} ${x.protocol.padEnd(7)} ${x.name} ${x.bits}-bit${x.fs ? ' FS' : ''}${x.aead ? ' AEAD' : ''}`),
    c ? `certificate ${c.subject} | issuer ${c.issuer} | ${c.keyType} ${c.keyBits} | ${c.signatureAlgorithm} | ${c.notBefore} → ${c.notAfter} | trusted ${c.trusted}${c.trustError ? ` (${c.trustError})` : ''} | chain ${c.chainComplete ? 'complete' : 'incomplete'} | hostname ${c.hostnameMatch ? 'ok' : 'MISMATCH'}`
      : 'certificate not obtained',
    `ephemeral   DH ${f.ephemeral.dhBits ?? '–'}, ECDH ${f.ephemeral.ecdhCurve ?? '–'} ${f.ephemeral.ecdhBits ?? ''}`,
    `HSTS        ${f.hsts.status === 'present' || f.hsts.status === 'invalid' ? `${f.hsts.status}: ${f.hsts.header}` : f.hsts.status}`,
    `renegotiation ${f.secureRenegotiation}, compression ${f.compression}, heartbleed ${f.heartbleed}`,
    ...(f.clients ?? []).map((x, i) => `${i === 0 ? 'clients    ' : '           '} ${x.client.padEnd(22)} ${x.ok ? `${x.protocol} ${x.suite?.name}` : 'no connection'}`),
    ...g.findings.map((x) => `finding     [${x.kind}${x.cap ? ` ${x.cap}` : ''}] ${x.id}: ${x.message[lang]}${x.evidence.length ? ` (${x.evidence.join('; ')})` : ''}`),
    ...g.advice.map((a) => `advice      ${a[lang]}`),
    ...g.notTested.map((n) => `not tested  ${n.id}: ${n.reason}`),
    ...g.ruleErrors.map((e) => `rule error  ${e.id}: ${e.message}`),
  ];
  return lines;
}

function describe(r: TlsResult, lang: 'fa' | 'en'): string {
  if (r.outcome === 'graded') return describeGraded(r, lang).join('\n');
  const where = r.outcome === 'no_https' ? ` ${r.host}:${r.port} [${r.ip}]` : '';
  return `${r.outcome === 'no_https' ? 'NO HTTPS' : 'ERROR'}${where}  ${r.error.class} (${r.error.detail})  ${r.durationMs} ms`;
}

export const probeTlsCommand: CliCommand = {
  name: ['probe', 'tls'],
  usage: 'probe tls URL [--json] [--ca FILE]... [--servername NAME] [--timeout-ms N] [--connections N] [--lang fa|en]',
  summary: 'grade one host\'s TLS (SSL Labs guide) and print the evidence',
  async run(argv) {
    const parsed = parseCliArgs(argv, flags);
    const v = parsed.values;
    const lang = v.lang ?? 'en';
    if (lang !== 'fa' && lang !== 'en') throw new UsageError('--lang must be fa or en');
    const url = urlArg(parsed.positionals);
    const result = await probeTls({ url }, {
      allowPrivate: loadConfig().allowPrivateTargets,
      extraCa: readCa(v.ca ?? []),
      timeoutMs: intFlag('timeout-ms', v['timeout-ms'], 5000, 100, 120_000),
      maxConnectionsPerHost: intFlag('connections', v.connections, 8, 1, 64),
      ...(v.servername ? { servername: v.servername } : {}),
    });
    console.log(v.json ? JSON.stringify(result) : describe(result, lang));
    return result.outcome === 'graded' ? 0 : 1;
  },
};
