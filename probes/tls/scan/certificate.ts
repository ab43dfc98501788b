// Facts about the leaf certificate: key, signature, validity, hostname, self-signature. Trust and
// chain completeness come from scan/trust.ts and are merged in by the caller.
import { isIP } from 'node:net';
import type { X509Certificate } from 'node:crypto';
import type { CertFacts, KeyType } from '../facts.ts';
import { signatureAlgorithm } from './signature-algorithm.ts';

type LeafFacts = Omit<CertFacts, 'trusted' | 'trustError' | 'chainComplete' | 'aiaFetched'>;

const keyTypes: Readonly<Record<string, KeyType>> = { rsa: 'RSA', 'rsa-pss': 'RSA', ec: 'EC', dsa: 'DSA', ed25519: 'Ed25519', ed448: 'Ed448' };
const curveBits: Readonly<Record<string, number>> = { prime256v1: 256, secp384r1: 384, secp521r1: 521, secp224r1: 224, secp192r1: 192, secp256k1: 256 };

function keyFacts(leaf: X509Certificate): Pick<CertFacts, 'keyType' | 'keyBits' | 'curve' | 'rsaExponent'> {
  const k = leaf.publicKey;
  const type = keyTypes[k.asymmetricKeyType ?? ''] ?? 'unknown';
  const d = k.asymmetricKeyDetails ?? {};
  if (type === 'EC') return { keyType: type, keyBits: curveBits[d.namedCurve ?? ''] ?? 0, ...(d.namedCurve ? { curve: d.namedCurve } : {}) };
  if (type === 'Ed25519') return { keyType: type, keyBits: 253 };
  if (type === 'Ed448') return { keyType: type, keyBits: 448 };
  const e = d.publicExponent;
  return { keyType: type, keyBits: d.modulusLength ?? 0, ...(e !== undefined ? { rsaExponent: Number(e) } : {}) };
}

function sansOf(leaf: X509Certificate): string[] {
  return (leaf.subjectAltName ?? '').split(', ').filter(Boolean).map((s) => s.replace(/^(DNS|IP Address):/, ''));
}

export function leafFacts(leaf: X509Certificate, hostname: string, nowMs: number): LeafFacts {
  const notBefore = new Date(leaf.validFrom);
  const notAfter = new Date(leaf.validTo);
  const sig = signatureAlgorithm(leaf.raw);
  const match = isIP(hostname) ? leaf.checkIP(hostname) : leaf.checkHost(hostname);
  return {
    subject: leaf.subject.replace(/\n/g, ', '),
    issuer: leaf.issuer.replace(/\n/g, ', '),
    sans: sansOf(leaf),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    ...keyFacts(leaf),
    signatureAlgorithm: sig.name,
    signatureHash: sig.hash,
    selfSigned: leaf.subject === leaf.issuer && leaf.verify(leaf.publicKey),
    expired: nowMs > notAfter.getTime(),
    notYetValid: nowMs < notBefore.getTime(),
    hostnameMatch: match !== undefined,
  };
}
