// Guide 2009r §4: accepting TLS 1.0 or 1.1 caps the grade at B, whatever else is right.
import { appliesIf, type TlsRule } from './rule.ts';

export const capBLegacyProtocols: TlsRule<'protocols'> = {
  id: 'cap-b-legacy-protocols',
  kind: 'cap',
  cap: 'B',
  clause: 'TLS 1.0 or TLS 1.1 supported → B',
  needs: ['protocols'],
  message: { fa: 'TLS 1.0 یا TLS 1.1 پشتیبانی می‌شود', en: 'TLS 1.0 or TLS 1.1 is supported' },
  advice: { fa: 'TLS 1.0 و TLS 1.1 را غیرفعال کنید', en: 'Disable TLS 1.0 and TLS 1.1' },
  evaluate: ({ protocols }) => appliesIf(protocols.filter((p) => p === 'TLSv1' || p === 'TLSv1.1')),
};
