// Guide 2009r §1: a certificate not yet valid is not trusted, grade T.
import { appliesIf, noCert, type TlsRule } from './rule.ts';

export const trustNotYetValid: TlsRule<'cert'> = {
  id: 'trust-not-yet-valid',
  kind: 'trust',
  clause: 'certificate not yet valid → T',
  needs: ['cert'],
  message: { fa: 'دوره اعتبار گواهی هنوز آغاز نشده است', en: 'The certificate is not yet valid' },
  advice: { fa: 'ساعت سرور و تاریخ شروع گواهی را بررسی کنید', en: 'Check the server clock and the certificate start date' },
  evaluate: ({ cert }) => !cert ? noCert : appliesIf(cert.notYetValid ? [`notBefore ${cert.notBefore}`] : []),
};
