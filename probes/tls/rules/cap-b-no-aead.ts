// Guide 2009r §4: no AEAD suite with modern clients → B, judged on simulated modern clients.
import { appliesIf, notTested, type TlsRule } from './rule.ts';

export const capBNoAead: TlsRule<'clients'> = {
  id: 'cap-b-no-aead',
  kind: 'cap',
  cap: 'B',
  clause: 'no AEAD suite with modern clients → B',
  needs: ['clients'],
  message: { fa: 'مرورگرهای جدید بدون رمز AEAD وصل می‌شوند', en: 'Modern clients connect without an AEAD cipher' },
  advice: { fa: 'مجموعه‌رمزهای AES-GCM یا ChaCha20-Poly1305 را فعال و ترجیح دهید', en: 'Enable and prefer AES-GCM or ChaCha20-Poly1305 suites' },
  evaluate: ({ clients }) => {
    if (clients === null) return notTested('no client simulation');
    const bad = clients.filter((c) => c.modern && c.ok && c.suite && !c.suite.aead);
    return appliesIf(bad.map((c) => `${c.client}: ${c.suite?.name}`));
  },
};
