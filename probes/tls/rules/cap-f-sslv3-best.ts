// Guide 2009r §4: SSL 3.0 as the best protocol caps the grade at F.
import { appliesIf, notTested, type TlsRule } from './rule.ts';

export const capFSslv3Best: TlsRule<'protocols' | 'protocolsTested'> = {
  id: 'cap-f-sslv3-best',
  kind: 'cap',
  cap: 'F',
  clause: 'SSL 3 is the best protocol → F',
  needs: ['protocols', 'protocolsTested'],
  message: { fa: 'بهترین پروتکل سرور SSL 3.0 است', en: 'SSL 3.0 is the best protocol the server offers' },
  advice: { fa: 'TLS 1.2 و TLS 1.3 را فعال کنید', en: 'Enable TLS 1.2 and TLS 1.3' },
  evaluate: ({ protocols, protocolsTested }) => {
    if (!protocolsTested.includes('SSLv3')) return notTested('SSLv3 was not probed');
    const best = protocols.filter((p) => p !== 'SSLv2').at(-1);
    return appliesIf(best === 'SSLv3' ? ['SSLv3'] : []);
  },
};
