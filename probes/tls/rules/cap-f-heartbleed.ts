// Guide 2009r §4: Heartbleed (CVE-2014-0160) → F.
import { appliesIf, notTested, type TlsRule } from './rule.ts';

export const capFHeartbleed: TlsRule<'heartbleed'> = {
  id: 'cap-f-heartbleed',
  kind: 'cap',
  cap: 'F',
  clause: 'Heartbleed → F',
  needs: ['heartbleed'],
  message: { fa: 'سرور در برابر Heartbleed آسیب‌پذیر است', en: 'The server is vulnerable to Heartbleed' },
  advice: { fa: 'OpenSSL را به‌روز کنید و کلید و گواهی را عوض کنید', en: 'Upgrade OpenSSL, then replace the key and certificate' },
  evaluate: ({ heartbleed }) =>
    heartbleed === 'unknown' ? notTested('heartbeat probe did not run or was inconclusive') : appliesIf(heartbleed === 'yes' ? ['CVE-2014-0160'] : []),
};
