// Shared by the key-size caps: which keys (certificate, DH, ECDH) are under a bound.
import type { TlsFacts } from '../facts.ts';

/** Keys below `ffBits` (RSA/DSA/DH) or `ecBits` (EC certificate key or ECDH group). */
export function weakKeys(f: Pick<TlsFacts, 'cert' | 'ephemeral'>, ffBits: number, ecBits: number): string[] {
  const out: string[] = [];
  const { cert, ephemeral } = f;
  if (cert && (cert.keyType === 'RSA' || cert.keyType === 'DSA') && cert.keyBits < ffBits) out.push(`${cert.keyType} ${cert.keyBits}-bit certificate key`);
  if (cert?.keyType === 'EC' && cert.keyBits < ecBits) out.push(`EC ${cert.keyBits}-bit certificate key`);
  if (ephemeral.dhBits !== null && ephemeral.dhBits < ffBits) out.push(`DH ${ephemeral.dhBits}-bit parameters`);
  if (ephemeral.ecdhBits !== null && ephemeral.ecdhBits < ecBits) out.push(`ECDH ${ephemeral.ecdhBits}-bit group`);
  return out;
}
