// The guide's numeric part (2009r §2–3): three category scores, the weighted total and its letter.
import { protocolOrder, type ProtocolName, type TlsFacts } from './facts.ts';
import type { Letter } from './grade.ts';

export type TlsScores = { protocol: number; keyExchange: number; cipher: number; total: number };

const protocolPoints: Record<ProtocolName, number> = {
  SSLv2: 0, SSLv3: 80, TLSv1: 90, 'TLSv1.1': 95, 'TLSv1.2': 100, 'TLSv1.3': 100,
};

/** (best + worst) / 2 over accepted versions. */
export function protocolScore(protocols: readonly ProtocolName[]): number {
  const sorted = [...protocols].sort((a, b) => protocolOrder.indexOf(a) - protocolOrder.indexOf(b));
  const worst = sorted[0];
  const best = sorted.at(-1);
  return worst && best ? (protocolPoints[worst] + protocolPoints[best]) / 2 : 0;
}

/** RSA/DSA/DH strength table of the guide. */
export function finiteFieldKeyPoints(bits: number): number {
  if (bits < 512) return 20;
  if (bits < 1024) return 40;
  if (bits < 2048) return 80;
  if (bits < 4096) return 90;
  return 100;
}

/** The guide has no EC table; this is testssl.sh's reading of it (P-256 and X25519 → 100). */
export function ecKeyPoints(bits: number): number {
  if (bits < 110) return 20;
  if (bits < 123) return 40;
  if (bits < 163) return 80;
  if (bits < 225) return 90;
  return 100;
}

/** The weaker of the certificate key and the ephemeral parameters; anonymous 0, export 40. */
export function keyExchangeScore(f: Pick<TlsFacts, 'cert' | 'ephemeral' | 'suites'>): number {
  if (f.suites.some((s) => s.anon)) return 0;
  const points: number[] = [];
  const c = f.cert;
  if (c && (c.keyType === 'EC' || c.keyType === 'Ed25519' || c.keyType === 'Ed448')) points.push(ecKeyPoints(c.keyBits));
  else if (c) points.push(finiteFieldKeyPoints(c.keyBits));
  if (f.ephemeral.dhBits !== null) points.push(finiteFieldKeyPoints(f.ephemeral.dhBits));
  if (f.ephemeral.ecdhBits !== null) points.push(ecKeyPoints(f.ephemeral.ecdhBits));
  if (f.suites.some((s) => s.export)) points.push(40);
  // Nothing measured (no certificate, no ephemeral key): the category cannot earn points.
  return points.length > 0 ? Math.min(...points) : 0;
}

export function cipherPoints(bits: number): number {
  if (bits === 0) return 0;
  if (bits < 128) return 20;
  if (bits < 256) return 80;
  return 100;
}

/** (strongest + weakest) / 2 over accepted suites. */
export function cipherScore(suites: TlsFacts['suites']): number {
  if (suites.length === 0) return 0;
  const points = suites.map((s) => cipherPoints(s.bits));
  return (Math.max(...points) + Math.min(...points)) / 2;
}

export function computeScores(f: Pick<TlsFacts, 'protocols' | 'cert' | 'ephemeral' | 'suites'>): TlsScores {
  const protocol = protocolScore(f.protocols);
  const keyExchange = keyExchangeScore(f);
  const cipher = cipherScore(f.suites);
  const anyZero = protocol === 0 || keyExchange === 0 || cipher === 0;
  const total = anyZero ? 0 : Math.round((0.3 * protocol + 0.3 * keyExchange + 0.4 * cipher) * 10) / 10;
  return { protocol, keyExchange, cipher, total };
}

export function scoreLetter(total: number): Letter {
  if (total >= 80) return 'A';
  if (total >= 65) return 'B';
  if (total >= 50) return 'C';
  if (total >= 35) return 'D';
  if (total >= 20) return 'E';
  return 'F';
}
