// Guide 2009r §4: an RSA key with public exponent 1 (no encryption at all) → F.
import { appliesIf, noCert, type TlsRule } from './rule.ts';

export const capFRsaExponent1: TlsRule<'cert'> = {
  id: 'cap-f-rsa-exponent-1',
  kind: 'cap',
  cap: 'F',
  clause: 'RSA public exponent 1 → F',
  needs: ['cert'],
  message: { fa: 'توان عمومی کلید RSA برابر ۱ است', en: 'The RSA public exponent is 1' },
  advice: { fa: 'کلید تازه‌ای با توان 65537 بسازید', en: 'Generate a new key with exponent 65537' },
  evaluate: ({ cert }) => !cert ? noCert : appliesIf(cert.keyType === 'RSA' && cert.rsaExponent === 1 ? ['e = 1'] : []),
};
