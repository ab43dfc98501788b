// Guide 2009r §4: the OpenSSL AES-NI padding oracle (CVE-2016-2107) → F. Not checked yet.
import { uncheckedCap } from './unchecked-cap.ts';

export const capFAesNiPaddingOracle = uncheckedCap({
  id: 'cap-f-aes-ni-padding-oracle',
  cap: 'F',
  clause: 'CVE-2016-2107 padding oracle → F',
  message: { fa: 'آسیب‌پذیری CVE-2016-2107', en: 'Vulnerable to CVE-2016-2107' },
  advice: { fa: 'OpenSSL را به‌روز کنید', en: 'Upgrade OpenSSL' },
  reason: 'padding-oracle probe not implemented',
});
