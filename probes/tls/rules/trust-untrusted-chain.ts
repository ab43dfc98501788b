// Guide 2009r §1: a chain that does not lead to a trusted root (unknown CA, missing issuer even
// after the AIA fetch) is not trusted, grade T.
import { appliesIf, noCert, type TlsRule } from './rule.ts';

export const trustUntrustedChain: TlsRule<'cert'> = {
  id: 'trust-untrusted-chain',
  kind: 'trust',
  clause: 'certificate not trusted (unknown CA) → T',
  needs: ['cert'],
  message: { fa: 'زنجیره گواهی به یک ریشه مورد اعتماد نمی‌رسد', en: 'The certificate chain does not lead to a trusted root' },
  advice: { fa: 'گواهی را از یک مرجع صدور مورد اعتماد بگیرید و زنجیره کامل را ارسال کنید', en: 'Use a certificate from a publicly trusted CA and serve the full chain' },
  evaluate: ({ cert }) => !cert ? noCert : appliesIf(cert.trusted ? [] : [cert.trustError ?? 'untrusted']),
};
