// Guide 2009r §4: SSL 3.0 supported → B (stricter caps apply when it is the best protocol).
import { appliesIf, notTested, type TlsRule } from './rule.ts';

export const capBSslv3: TlsRule<'protocols' | 'protocolsTested'> = {
  id: 'cap-b-sslv3',
  kind: 'cap',
  cap: 'B',
  clause: 'SSL 3 supported → B',
  needs: ['protocols', 'protocolsTested'],
  message: { fa: 'SSL 3.0 پشتیبانی می‌شود', en: 'SSL 3.0 is supported' },
  advice: { fa: 'SSL 3.0 را غیرفعال کنید', en: 'Disable SSL 3.0' },
  evaluate: ({ protocols, protocolsTested }) =>
    protocolsTested.includes('SSLv3') ? appliesIf(protocols.includes('SSLv3') ? ['SSLv3'] : []) : notTested('SSLv3 was not probed'),
};
