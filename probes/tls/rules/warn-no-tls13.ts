// Guide 2009r §5: no TLS 1.3 is a warning, turning an A into A-.
import { appliesIf, type TlsRule } from './rule.ts';

export const warnNoTls13: TlsRule<'protocols'> = {
  id: 'warn-no-tls13',
  kind: 'warning',
  clause: 'no TLS 1.3 → A-',
  needs: ['protocols'],
  message: { fa: 'TLS 1.3 پشتیبانی نمی‌شود', en: 'TLS 1.3 is not supported' },
  advice: { fa: 'TLS 1.3 را فعال کنید', en: 'Enable TLS 1.3' },
  evaluate: ({ protocols }) => appliesIf(protocols.includes('TLSv1.3') ? [] : ['TLSv1.3 refused']),
};
