// Guide 2009r §1: an expired certificate is not trusted, grade T.
import { appliesIf, noCert, type TlsRule } from './rule.ts';

export const trustExpired: TlsRule<'cert'> = {
  id: 'trust-expired',
  kind: 'trust',
  clause: 'certificate expired → T',
  needs: ['cert'],
  message: { fa: 'گواهی منقضی شده است', en: 'The certificate has expired' },
  advice: { fa: 'گواهی را تمدید کنید', en: 'Renew the certificate' },
  evaluate: ({ cert }) => !cert ? noCert : appliesIf(cert.expired ? [`notAfter ${cert.notAfter}`] : []),
};
