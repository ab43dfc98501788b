// Guide 2009r §1: a leaf signed with SHA-1 is not trusted, grade T.
import { appliesIf, noCert, type TlsRule } from './rule.ts';

export const trustSha1Leaf: TlsRule<'cert'> = {
  id: 'trust-sha1-leaf',
  kind: 'trust',
  clause: 'SHA-1 signed leaf certificate → T',
  needs: ['cert'],
  message: { fa: 'گواهی با SHA-1 امضا شده است', en: 'The certificate is signed with SHA-1' },
  advice: { fa: 'گواهی تازه‌ای با امضای SHA-256 بگیرید', en: 'Reissue the certificate with a SHA-256 signature' },
  evaluate: ({ cert }) => !cert ? noCert : appliesIf(cert.signatureHash === 'sha1' ? [cert.signatureAlgorithm] : []),
};
