// Guide 2009r §4: DROWN → F. SSLv2 on this host is caught (and capped) by cap-f-sslv2; the same
// key on another SSLv2 host is not checked, so without SSLv2 here the rule is "not tested".
import { applies, notTested, type TlsRule } from './rule.ts';

export const capFDrown: TlsRule<'protocols'> = {
  id: 'cap-f-drown',
  kind: 'cap',
  cap: 'F',
  clause: 'DROWN → F',
  needs: ['protocols'],
  message: { fa: 'آسیب‌پذیری DROWN', en: 'Vulnerable to DROWN' },
  advice: { fa: 'SSL 2.0 را روی همه سرورهایی که این کلید را دارند غیرفعال کنید', en: 'Disable SSL 2.0 on every server that shares this key' },
  evaluate: ({ protocols }) =>
    protocols.includes('SSLv2') ? applies(['SSLv2 on this host']) : notTested('other hosts sharing the key are not checked'),
};
