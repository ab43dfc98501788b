// Guide 2009r §4: an MD2 or MD5 certificate signature caps the grade at F.
import { appliesIf, noCert, type TlsRule } from './rule.ts';

export const capFMdSignature: TlsRule<'cert'> = {
  id: 'cap-f-md-signature',
  kind: 'cap',
  cap: 'F',
  clause: 'MD2 or MD5 certificate signature → F',
  needs: ['cert'],
  message: { fa: 'گواهی با MD2 یا MD5 امضا شده است', en: 'The certificate is signed with MD2 or MD5' },
  advice: { fa: 'گواهی تازه‌ای با امضای SHA-256 بگیرید', en: 'Reissue the certificate with a SHA-256 signature' },
  evaluate: ({ cert }) => !cert ? noCert : appliesIf(cert.signatureHash === 'md2' || cert.signatureHash === 'md5' ? [cert.signatureAlgorithm] : []),
};
