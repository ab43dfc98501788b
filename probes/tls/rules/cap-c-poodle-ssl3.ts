// Guide 2009r §4: POODLE over SSL 3 (SSLv3 with a CBC suite) → C.
import { appliesIf, notTested, type TlsRule } from './rule.ts';

export const capCPoodleSsl3: TlsRule<'protocols' | 'protocolsTested' | 'suites'> = {
  id: 'cap-c-poodle-ssl3',
  kind: 'cap',
  cap: 'C',
  clause: 'POODLE (SSL 3 with CBC) → C',
  needs: ['protocols', 'protocolsTested', 'suites'],
  message: { fa: 'آسیب‌پذیری POODLE روی SSL 3.0', en: 'Vulnerable to POODLE (SSL 3.0 with CBC)' },
  advice: { fa: 'SSL 3.0 را غیرفعال کنید', en: 'Disable SSL 3.0' },
  evaluate: ({ protocols, protocolsTested, suites }) => {
    if (!protocolsTested.includes('SSLv3')) return notTested('SSLv3 was not probed');
    if (!protocols.includes('SSLv3')) return appliesIf([]);
    const cbc = suites.filter((s) => s.protocol === 'SSLv3' && s.cbc).map((s) => s.name);
    return appliesIf(cbc);
  },
};
