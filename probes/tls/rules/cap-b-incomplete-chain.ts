// Guide 2009r §4 and issue 4: a chain missing an intermediate (trusted only after fetching it
// from the AIA URL) → B.
import { appliesIf, noCert, type TlsRule } from './rule.ts';

export const capBIncompleteChain: TlsRule<'cert'> = {
  id: 'cap-b-incomplete-chain',
  kind: 'cap',
  cap: 'B',
  clause: 'incomplete certificate chain → B',
  needs: ['cert'],
  message: { fa: 'زنجیره گواهی ناقص است', en: 'The certificate chain is incomplete' },
  advice: { fa: 'گواهی‌های میانی را همراه گواهی سرور ارسال کنید', en: 'Serve the intermediate certificates with the server certificate' },
  evaluate: ({ cert }) => !cert ? noCert : appliesIf(cert.chainComplete ? [] : [cert.aiaFetched ? 'intermediate fetched from AIA' : 'issuer not sent']),
};
