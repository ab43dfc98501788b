// Guide 2009r §4: RC4 with TLS 1.1 or newer → C.
import { suiteCap } from './suite-cap.ts';

export const capCRc4Tls11 = suiteCap({
  id: 'cap-c-rc4-tls11',
  cap: 'C',
  clause: 'RC4 with TLS 1.1+ → C',
  message: { fa: 'RC4 با TLS 1.1 یا جدیدتر پذیرفته می‌شود', en: 'RC4 is accepted with TLS 1.1 or newer' },
  advice: { fa: 'مجموعه‌رمزهای RC4 را حذف کنید', en: 'Remove RC4 cipher suites' },
  test: (s) => s.rc4 && (s.protocol === 'TLSv1.1' || s.protocol === 'TLSv1.2'),
});
