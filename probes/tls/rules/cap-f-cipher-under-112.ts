// Guide 2009r §4: a cipher with less than 112 bits of key (DES, export, NULL) → F.
import { suiteCap } from './suite-cap.ts';

export const capFCipherUnder112 = suiteCap({
  id: 'cap-f-cipher-under-112',
  cap: 'F',
  clause: 'cipher < 112 bits → F',
  message: { fa: 'رمزی با کلید کوتاه‌تر از ۱۱۲ بیت پذیرفته می‌شود', en: 'A cipher with fewer than 112 key bits is accepted' },
  advice: { fa: 'رمزهای DES و ضعیف‌تر را غیرفعال کنید', en: 'Disable DES and weaker ciphers' },
  test: (s) => s.bits < 112,
});
