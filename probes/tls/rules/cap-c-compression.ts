// Guide 2009r §4: TLS compression (CRIME) → C.
import { appliesIf, notTested, type TlsRule } from './rule.ts';

export const capCCompression: TlsRule<'compression'> = {
  id: 'cap-c-compression',
  kind: 'cap',
  cap: 'C',
  clause: 'TLS compression (CRIME) → C',
  needs: ['compression'],
  message: { fa: 'فشرده‌سازی TLS فعال است (CRIME)', en: 'TLS compression is enabled (CRIME)' },
  advice: { fa: 'فشرده‌سازی TLS را غیرفعال کنید', en: 'Disable TLS compression' },
  evaluate: ({ compression }) =>
    compression === 'unknown' ? notTested('compression probe did not run') : appliesIf(compression === 'yes' ? ['DEFLATE'] : []),
};
