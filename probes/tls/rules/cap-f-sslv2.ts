// Guide 2009r §4: SSL 2.0 supported caps the grade at F.
import { appliesIf, notTested, type TlsRule } from './rule.ts';

export const capFSslv2: TlsRule<'protocols' | 'protocolsTested'> = {
  id: 'cap-f-sslv2',
  kind: 'cap',
  cap: 'F',
  clause: 'SSL 2 supported → F',
  needs: ['protocols', 'protocolsTested'],
  message: { fa: 'SSL 2.0 پشتیبانی می‌شود', en: 'SSL 2.0 is supported' },
  advice: { fa: 'SSL 2.0 را غیرفعال کنید', en: 'Disable SSL 2.0' },
  evaluate: ({ protocols, protocolsTested }) =>
    protocolsTested.includes('SSLv2') ? appliesIf(protocols.includes('SSLv2') ? ['SSLv2'] : []) : notTested('SSLv2 was not probed'),
};
