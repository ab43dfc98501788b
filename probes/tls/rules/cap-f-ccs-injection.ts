// Guide 2009r §4: OpenSSL CCS injection (CVE-2014-0224) → F. Not checked yet (TODO issue 4).
import { uncheckedCap } from './unchecked-cap.ts';

export const capFCcsInjection = uncheckedCap({
  id: 'cap-f-ccs-injection',
  cap: 'F',
  clause: 'CCS injection (CVE-2014-0224) → F',
  message: { fa: 'آسیب‌پذیری تزریق CCS', en: 'Vulnerable to CCS injection' },
  advice: { fa: 'OpenSSL را به‌روز کنید', en: 'Upgrade OpenSSL' },
  reason: 'early ChangeCipherSpec probe not implemented',
});
