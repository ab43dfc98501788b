// Guide 2009r §4: ROBOT (Bleichenbacher oracle on RSA key exchange) → F. Not checked yet.
import { uncheckedCap } from './unchecked-cap.ts';

export const capFRobot = uncheckedCap({
  id: 'cap-f-robot',
  cap: 'F',
  clause: 'ROBOT → F',
  message: { fa: 'آسیب‌پذیری ROBOT', en: 'Vulnerable to ROBOT' },
  advice: { fa: 'تبادل کلید RSA را غیرفعال کنید یا نرم‌افزار را به‌روز کنید', en: 'Disable RSA key exchange or patch the TLS stack' },
  reason: 'RSA padding-oracle probe not implemented',
});
