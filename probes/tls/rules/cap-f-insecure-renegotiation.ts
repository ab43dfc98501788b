// Guide 2009r §4: insecure (pre-RFC 5746) renegotiation caps the grade at F.
import { appliesIf, notTested, type TlsRule } from './rule.ts';

export const capFInsecureRenegotiation: TlsRule<'insecureRenegotiation'> = {
  id: 'cap-f-insecure-renegotiation',
  kind: 'cap',
  cap: 'F',
  clause: 'insecure renegotiation → F',
  needs: ['insecureRenegotiation'],
  message: { fa: 'بازمذاکره ناامن پشتیبانی می‌شود', en: 'Insecure renegotiation is supported' },
  advice: { fa: 'بازمذاکره امن (RFC 5746) را فعال و بازمذاکره قدیمی را غیرفعال کنید', en: 'Support RFC 5746 secure renegotiation and disable legacy renegotiation' },
  evaluate: ({ insecureRenegotiation: r }) =>
    r === 'unknown' ? notTested('client-initiated legacy renegotiation is not attempted') : appliesIf(r === 'yes' ? ['legacy renegotiation'] : []),
};
