// Guide 2009r §4: a 64-bit block cipher (3DES) negotiated with TLS 1.1+ → C. Like the FS and
// AEAD caps it looks at what simulated clients negotiate, not at what is merely accepted.
import type { ClientOutcome } from '../facts.ts';
import { appliesIf, notTested, type TlsRule } from './rule.ts';

const hit = (c: ClientOutcome) =>
  c.ok && c.suite?.blockBits === 64 && (c.protocol === 'TLSv1.1' || c.protocol === 'TLSv1.2');

export const capC3desTls11: TlsRule<'clients'> = {
  id: 'cap-c-3des-tls11',
  kind: 'cap',
  cap: 'C',
  clause: '64-bit block cipher with TLS 1.1+ → C',
  needs: ['clients'],
  message: { fa: 'رمز بلوکی ۶۴ بیتی (3DES) با TLS 1.1 یا جدیدتر مذاکره می‌شود', en: 'A 64-bit block cipher (3DES) is negotiated with TLS 1.1 or newer' },
  advice: { fa: 'مجموعه‌رمزهای 3DES را حذف یا به انتهای ترتیب ترجیح سرور منتقل کنید', en: 'Remove 3DES suites, or move them to the end of the server preference order' },
  evaluate: ({ clients }) =>
    clients === null ? notTested('no client simulation') : appliesIf(clients.filter(hit).map((c) => `${c.client}: ${c.suite?.name}`)),
};
