// Guide 2009r §4: no forward secrecy with modern clients → B. Judged on what simulated modern
// clients negotiate, so a non-FS suite no modern client gets does not cap.
import { appliesIf, notTested, type TlsRule } from './rule.ts';

export const capBNoForwardSecrecy: TlsRule<'clients'> = {
  id: 'cap-b-no-forward-secrecy',
  kind: 'cap',
  cap: 'B',
  clause: 'no forward secrecy with modern clients → B',
  needs: ['clients'],
  message: { fa: 'مرورگرهای جدید بدون محرمانگی پیشرو (FS) وصل می‌شوند', en: 'Modern clients connect without forward secrecy' },
  advice: { fa: 'مجموعه‌رمزهای ECDHE را فعال و در ترتیب ترجیح بالاتر قرار دهید', en: 'Enable ECDHE suites and prefer them over RSA key exchange' },
  evaluate: ({ clients }) => {
    if (clients === null) return notTested('no client simulation');
    const bad = clients.filter((c) => c.modern && c.ok && c.suite && !c.suite.fs);
    return appliesIf(bad.map((c) => `${c.client}: ${c.suite?.name}`));
  },
};
