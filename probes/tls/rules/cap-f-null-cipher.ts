// Guide 2009r §4: NULL (unencrypted) cipher suites accepted → F.
import { suiteCap } from './suite-cap.ts';

export const capFNullCipher = suiteCap({
  id: 'cap-f-null-cipher',
  cap: 'F',
  clause: 'NULL cipher → F',
  message: { fa: 'مجموعه‌رمز بدون رمزنگاری (NULL) پذیرفته می‌شود', en: 'NULL (no encryption) suites are accepted' },
  advice: { fa: 'مجموعه‌رمزهای NULL را غیرفعال کنید', en: 'Disable NULL cipher suites' },
  test: (s) => s.null,
});
