// Guide 2009r §1: a revoked certificate is not trusted. Sanjeh does not query OCSP or CRLs yet
// (TODO issue 4), so the rule always reports "not tested" instead of passing.
import { notTested, type TlsRule } from './rule.ts';

export const trustRevocation: TlsRule<never> = {
  id: 'trust-revocation',
  kind: 'trust',
  clause: 'certificate revoked → T',
  needs: [],
  message: { fa: 'گواهی باطل شده است', en: 'The certificate is revoked' },
  advice: { fa: 'گواهی تازه بگیرید', en: 'Obtain a new certificate' },
  evaluate: () => notTested('OCSP/CRL revocation is not checked'),
};
