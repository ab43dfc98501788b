// The ephemeral key of a handshake as the rules count it. Node reports hybrid post-quantum
// groups (X25519MLKEM768) without a size; their classical half is what the EC table can rate.
import type { EphemeralKeyInfo } from 'node:tls';
import type { EphemeralFacts } from '../facts.ts';

const groupBits: Readonly<Record<string, number>> = {
  X25519: 253, X448: 448, prime256v1: 256, 'P-256': 256, secp384r1: 384, 'P-384': 384, secp521r1: 521, 'P-521': 521,
  X25519MLKEM768: 253, SecP256r1MLKEM768: 256, SecP384r1MLKEM1024: 384, secp224r1: 224, secp192r1: 192,
};

export function addEphemeral(acc: EphemeralFacts, info: Partial<EphemeralKeyInfo>): EphemeralFacts {
  if (info.type === 'DH' && info.size) return { ...acc, dhBits: Math.min(acc.dhBits ?? Infinity, info.size) };
  const bits = info.size ?? (info.name ? groupBits[info.name] : undefined);
  if ((info.type === 'ECDH' || info.type === 'TLSGroup') && bits) {
    if (acc.ecdhBits !== null && acc.ecdhBits <= bits) return acc;
    return { ...acc, ecdhBits: bits, ecdhCurve: info.name ?? null };
  }
  return acc;
}

export const noEphemeral: EphemeralFacts = { dhBits: null, ecdhBits: null, ecdhCurve: null };
