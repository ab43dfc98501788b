// Guide 2009r §1: certificates of distrusted CAs (e.g. Symantec) are not trusted. Node's root
// store drops such roots, but partial distrust by date is not modelled (TODO issue 4).
import { notTested, type TlsRule } from './rule.ts';

export const trustDistrustedCa: TlsRule<never> = {
  id: 'trust-distrusted-ca',
  kind: 'trust',
  clause: 'distrusted CA → T',
  needs: [],
  message: { fa: 'مرجع صدور گواهی از فهرست اعتماد خارج شده است', en: 'The issuing CA is distrusted' },
  advice: { fa: 'گواهی را از مرجع دیگری بگیرید', en: 'Reissue the certificate from another CA' },
  evaluate: () => notTested('partial (date-based) CA distrust is not modelled'),
};
