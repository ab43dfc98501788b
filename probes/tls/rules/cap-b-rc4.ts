// Guide 2009r §4: RC4 caps as soon as it is accepted, whatever clients negotiate → B.
import { suiteCap } from './suite-cap.ts';

export const capBRc4 = suiteCap({
  id: 'cap-b-rc4',
  cap: 'B',
  clause: 'RC4 accepted → B',
  message: { fa: 'RC4 پذیرفته می‌شود', en: 'RC4 is accepted' },
  advice: { fa: 'مجموعه‌رمزهای RC4 را حذف کنید', en: 'Remove RC4 cipher suites' },
  test: (s) => s.rc4,
});
