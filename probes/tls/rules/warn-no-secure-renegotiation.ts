// Guide 2009r §5: secure renegotiation (RFC 5746) unsupported is a warning (A → A-).
import { appliesIf, notTested, type TlsRule } from './rule.ts';

export const warnNoSecureRenegotiation: TlsRule<'secureRenegotiation'> = {
  id: 'warn-no-secure-renegotiation',
  kind: 'warning',
  clause: 'secure renegotiation unsupported → A-',
  needs: ['secureRenegotiation'],
  message: { fa: 'بازمذاکره امن (RFC 5746) پشتیبانی نمی‌شود', en: 'Secure renegotiation (RFC 5746) is not supported' },
  advice: { fa: 'پشتیبانی از renegotiation_info را فعال کنید (نرم‌افزار TLS را به‌روز کنید)', en: 'Support renegotiation_info (upgrade the TLS stack)' },
  evaluate: ({ secureRenegotiation: r }) =>
    r === 'unknown' ? notTested('renegotiation_info was not probed') : appliesIf(r === 'unsupported' ? ['no renegotiation_info'] : []),
};
