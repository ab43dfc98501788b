// Guide 2009r §4: a server that offers only RC4 suites is capped at F.
import { appliesIf, notTested, type TlsRule } from './rule.ts';

export const capFRc4Only: TlsRule<'suites' | 'legacySuitesTested'> = {
  id: 'cap-f-rc4-only',
  kind: 'cap',
  cap: 'F',
  clause: 'only RC4 suites → F',
  needs: ['suites', 'legacySuitesTested'],
  message: { fa: 'سرور فقط رمزهای RC4 را می‌پذیرد', en: 'The server accepts only RC4 suites' },
  advice: { fa: 'مجموعه‌های رمز AES-GCM یا ChaCha20 را فعال و RC4 را حذف کنید', en: 'Enable AES-GCM or ChaCha20 suites and remove RC4' },
  evaluate: ({ suites, legacySuitesTested }) => {
    if (!legacySuitesTested) return notTested('RC4 suites were not offered');
    const nonTls13 = suites.filter((s) => s.protocol !== 'TLSv1.3');
    return appliesIf(suites.length > 0 && nonTls13.length === suites.length && suites.every((s) => s.rc4) ? ['RC4 only'] : []);
  },
};
