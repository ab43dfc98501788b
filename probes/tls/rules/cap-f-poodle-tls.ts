// Guide 2009r §4: POODLE over TLS (unchecked CBC padding) → F. Not checked yet.
import { uncheckedCap } from './unchecked-cap.ts';

export const capFPoodleTls = uncheckedCap({
  id: 'cap-f-poodle-tls',
  cap: 'F',
  clause: 'POODLE over TLS → F',
  message: { fa: 'آسیب‌پذیری POODLE روی TLS', en: 'Vulnerable to POODLE over TLS' },
  advice: { fa: 'پیاده‌سازی TLS را به‌روز کنید', en: 'Patch the TLS implementation' },
  reason: 'CBC padding check probe not implemented',
});
