// Guide 2009r §4: key or DH parameters under 2048 bits → B. EC keys and groups are bounded at
// 224 bits, the strength equivalent of RSA 2048 (NIST SP 800-57).
import { appliesIf, type TlsRule } from './rule.ts';
import { weakKeys } from './weak-keys.ts';

export const capBWeakKey: TlsRule<'cert' | 'ephemeral'> = {
  id: 'cap-b-weak-key',
  kind: 'cap',
  cap: 'B',
  clause: 'key or DH parameters < 2048 bits → B',
  needs: ['cert', 'ephemeral'],
  message: { fa: 'کلید یا پارامترهای DH کوتاه‌تر از ۲۰۴۸ بیت است', en: 'A key or the DH parameters are shorter than 2048 bits' },
  advice: { fa: 'کلید RSA ۲۰۴۸ بیتی یا بیشتر و گروه DH دست‌کم ۲۰۴۸ بیتی (یا فقط ECDHE) به کار ببرید', en: 'Use RSA keys of 2048+ bits and DH groups of 2048+ bits (or ECDHE only)' },
  evaluate: (f) => appliesIf(weakKeys(f, 2048, 224)),
};
