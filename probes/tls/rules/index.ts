// The registry of TLS rating rules (guide 2009r, ../../../shared/tls-rating.md). The rater runs
// exactly this list; `tlsRulesVersion` is stored beside every grade so grades stay comparable.
import type { TlsRule } from './rule.ts';
import { mismatchHostname } from './mismatch-hostname.ts';
import { trustDistrustedCa } from './trust-distrusted-ca.ts';
import { trustExpired } from './trust-expired.ts';
import { trustNotYetValid } from './trust-not-yet-valid.ts';
import { trustRevocation } from './trust-revocation.ts';
import { trustSelfSigned } from './trust-self-signed.ts';
import { trustSha1Leaf } from './trust-sha1-leaf.ts';
import { trustUntrustedChain } from './trust-untrusted-chain.ts';
import { capBIncompleteChain } from './cap-b-incomplete-chain.ts';
import { capBLegacyProtocols } from './cap-b-legacy-protocols.ts';
import { capBNoAead } from './cap-b-no-aead.ts';
import { capBNoForwardSecrecy } from './cap-b-no-forward-secrecy.ts';
import { capBRc4 } from './cap-b-rc4.ts';
import { capBSslv3 } from './cap-b-sslv3.ts';
import { capBWeakKey } from './cap-b-weak-key.ts';
import { capC3desTls11 } from './cap-c-3des-tls11.ts';
import { capCCompression } from './cap-c-compression.ts';
import { capCNoTls12 } from './cap-c-no-tls12.ts';
import { capCPoodleSsl3 } from './cap-c-poodle-ssl3.ts';
import { capCRc4Tls11 } from './cap-c-rc4-tls11.ts';
import { capFAesNiPaddingOracle } from './cap-f-aes-ni-padding-oracle.ts';
import { capFCcsInjection } from './cap-f-ccs-injection.ts';
import { capFCipherUnder112 } from './cap-f-cipher-under-112.ts';
import { capFDrown } from './cap-f-drown.ts';
import { capFExportSuites } from './cap-f-export-suites.ts';
import { capFHeartbleed } from './cap-f-heartbleed.ts';
import { capFInsecureRenegotiation } from './cap-f-insecure-renegotiation.ts';
import { capFKeyUnder1024 } from './cap-f-key-under-1024.ts';
import { capFMdSignature } from './cap-f-md-signature.ts';
import { capFNullCipher } from './cap-f-null-cipher.ts';
import { capFPoodleTls } from './cap-f-poodle-tls.ts';
import { capFRc4Only } from './cap-f-rc4-only.ts';
import { capFRobot } from './cap-f-robot.ts';
import { capFRsaExponent1 } from './cap-f-rsa-exponent-1.ts';
import { capFSslv2 } from './cap-f-sslv2.ts';
import { capFSslv3Best } from './cap-f-sslv3-best.ts';
import { warnHstsWeak } from './warn-hsts-weak.ts';
import { warnNoSecureRenegotiation } from './warn-no-secure-renegotiation.ts';
import { warnNoTls13 } from './warn-no-tls13.ts';

export const tlsRulesVersion = 'ssllabs-2009r/sanjeh-1';

export const tlsRules: readonly TlsRule[] = [
  mismatchHostname,
  trustDistrustedCa,
  trustExpired,
  trustNotYetValid,
  trustRevocation,
  trustSelfSigned,
  trustSha1Leaf,
  trustUntrustedChain,
  capBIncompleteChain,
  capBLegacyProtocols,
  capBNoAead,
  capBNoForwardSecrecy,
  capBRc4,
  capBSslv3,
  capBWeakKey,
  capC3desTls11,
  capCCompression,
  capCNoTls12,
  capCPoodleSsl3,
  capCRc4Tls11,
  capFAesNiPaddingOracle,
  capFCcsInjection,
  capFCipherUnder112,
  capFDrown,
  capFExportSuites,
  capFHeartbleed,
  capFInsecureRenegotiation,
  capFKeyUnder1024,
  capFMdSignature,
  capFNullCipher,
  capFPoodleTls,
  capFRc4Only,
  capFRobot,
  capFRsaExponent1,
  capFSslv2,
  capFSslv3Best,
  warnHstsWeak,
  warnNoSecureRenegotiation,
  warnNoTls13,
];
