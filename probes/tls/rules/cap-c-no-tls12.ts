// Guide 2009r §4: neither TLS 1.2 nor TLS 1.3 → C.
import { appliesIf, type TlsRule } from './rule.ts';

export const capCNoTls12: TlsRule<'protocols'> = {
  id: 'cap-c-no-tls12',
  kind: 'cap',
  cap: 'C',
  clause: 'no TLS 1.2 or TLS 1.3 → C',
  needs: ['protocols'],
  message: { fa: 'TLS 1.2 و TLS 1.3 پشتیبانی نمی‌شوند', en: 'Neither TLS 1.2 nor TLS 1.3 is supported' },
  advice: { fa: 'TLS 1.2 و TLS 1.3 را فعال کنید', en: 'Enable TLS 1.2 and TLS 1.3' },
  evaluate: ({ protocols }) => appliesIf(protocols.includes('TLSv1.2') || protocols.includes('TLSv1.3') ? [] : [`best: ${protocols.at(-1) ?? 'none'}`]),
};
