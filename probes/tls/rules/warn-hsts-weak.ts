// Guide 2009r §5: HSTS present but invalid, or with max-age < 180 days, is a warning (A → A-).
import { appliesIf, notTested, type TlsRule } from './rule.ts';

export const hstsMinMaxAgeS = 15_552_000; // 180 days, the guide's bound for A+

export const warnHstsWeak: TlsRule<'hsts'> = {
  id: 'warn-hsts-weak',
  kind: 'warning',
  clause: 'HSTS invalid or max-age < 180 days → A-',
  needs: ['hsts'],
  message: { fa: 'سرآیند HSTS نامعتبر است یا max-age آن کمتر از ۱۸۰ روز است', en: 'The HSTS header is invalid or its max-age is under 180 days' },
  advice: { fa: 'سرآیند Strict-Transport-Security با max-age=15552000 یا بیشتر بفرستید', en: 'Send Strict-Transport-Security with max-age ≥ 15552000' },
  evaluate: ({ hsts }) => {
    if (hsts.status === 'unknown') return notTested(`HSTS: ${hsts.reason}`);
    if (hsts.status === 'invalid') return appliesIf([hsts.header]);
    return appliesIf(hsts.status === 'present' && hsts.maxAgeS < hstsMinMaxAgeS ? [`max-age=${hsts.maxAgeS}`] : []);
  },
};
