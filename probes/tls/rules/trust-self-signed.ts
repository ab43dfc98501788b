// Guide 2009r §1: a self-signed leaf is not trusted, grade T.
import { appliesIf, noCert, type TlsRule } from './rule.ts';

export const trustSelfSigned: TlsRule<'cert'> = {
  id: 'trust-self-signed',
  kind: 'trust',
  clause: 'self-signed certificate → T',
  needs: ['cert'],
  message: { fa: 'گواهی خودامضا است', en: 'The certificate is self-signed' },
  advice: { fa: 'به جای گواهی خودامضا، گواهی یک مرجع صدور مورد اعتماد نصب کنید', en: 'Replace the self-signed certificate with one from a trusted CA' },
  evaluate: ({ cert }) => !cert ? noCert : appliesIf(cert.selfSigned && !cert.trusted ? [`subject ${cert.subject}`] : []),
};
