// Guide 2009r §4: a key under 1024 bits caps at F. "Key" is read as the certificate's RSA/DSA
// key and the DH parameters; for EC keys the equivalent strength bound is 160 bits.
import { appliesIf, type TlsRule } from './rule.ts';
import { weakKeys } from './weak-keys.ts';

export const capFKeyUnder1024: TlsRule<'cert' | 'ephemeral'> = {
  id: 'cap-f-key-under-1024',
  kind: 'cap',
  cap: 'F',
  clause: 'key < 1024 bits → F',
  needs: ['cert', 'ephemeral'],
  message: { fa: 'طول کلید کمتر از ۱۰۲۴ بیت است', en: 'A key is shorter than 1024 bits' },
  advice: { fa: 'از کلید RSA دست‌کم ۲۰۴۸ بیتی یا ECDSA P-256 استفاده کنید', en: 'Use an RSA key of at least 2048 bits or ECDSA P-256' },
  evaluate: (f) => appliesIf(weakKeys(f, 1024, 160)),
};
