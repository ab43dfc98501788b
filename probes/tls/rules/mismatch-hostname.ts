// Guide 2009r §1: a certificate that does not name the host is a mismatch, grade M.
import { appliesIf, noCert, type TlsRule } from './rule.ts';

export const mismatchHostname: TlsRule<'cert'> = {
  id: 'mismatch-hostname',
  kind: 'mismatch',
  clause: 'certificate name mismatch → M',
  needs: ['cert'],
  message: { fa: 'نام میزبان در گواهی نیامده است', en: 'The certificate does not cover the hostname' },
  advice: { fa: 'گواهی‌ای بگیرید که نام این میزبان را در SAN داشته باشد', en: 'Install a certificate whose SAN lists this hostname' },
  evaluate: ({ cert }) => !cert ? noCert : appliesIf(cert.hostnameMatch ? [] : [`SAN: ${cert.sans.join(', ') || '(none)'}`]),
};
