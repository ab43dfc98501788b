// The certificate's signature algorithm, read from the DER (node:crypto's X509Certificate does
// not expose it): Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signature }.
import forge from 'node-forge';
import type { CertFacts } from '../facts.ts';

const names: Readonly<Record<string, [string, CertFacts['signatureHash']]>> = {
  '1.2.840.113549.1.1.2': ['md2WithRSAEncryption', 'md2'],
  '1.2.840.113549.1.1.4': ['md5WithRSAEncryption', 'md5'],
  '1.2.840.113549.1.1.5': ['sha1WithRSAEncryption', 'sha1'],
  '1.2.840.113549.1.1.14': ['sha224WithRSAEncryption', 'sha224'],
  '1.2.840.113549.1.1.11': ['sha256WithRSAEncryption', 'sha256'],
  '1.2.840.113549.1.1.12': ['sha384WithRSAEncryption', 'sha384'],
  '1.2.840.113549.1.1.13': ['sha512WithRSAEncryption', 'sha512'],
  '1.2.840.113549.1.1.10': ['RSASSA-PSS', 'unknown'],
  '1.2.840.10040.4.3': ['dsaWithSHA1', 'sha1'],
  '2.16.840.1.101.3.4.3.2': ['dsaWithSHA256', 'sha256'],
  '1.2.840.10045.4.1': ['ecdsaWithSHA1', 'sha1'],
  '1.2.840.10045.4.3.1': ['ecdsaWithSHA224', 'sha224'],
  '1.2.840.10045.4.3.2': ['ecdsaWithSHA256', 'sha256'],
  '1.2.840.10045.4.3.3': ['ecdsaWithSHA384', 'sha384'],
  '1.2.840.10045.4.3.4': ['ecdsaWithSHA512', 'sha512'],
  '1.3.101.112': ['Ed25519', 'none'],
  '1.3.101.113': ['Ed448', 'none'],
};

export function signatureAlgorithm(der: Buffer): { name: string; hash: CertFacts['signatureHash'] } {
  try {
    const cert = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
    const algSeq = (cert.value as forge.asn1.Asn1[])[1];
    const oidNode = (algSeq?.value as forge.asn1.Asn1[] | undefined)?.[0];
    const oid = forge.asn1.derToOid(forge.util.createBuffer(oidNode?.value as string));
    const known = names[oid];
    return known ? { name: known[0], hash: known[1] } : { name: oid, hash: 'unknown' };
  } catch {
    return { name: 'unparsable', hash: 'unknown' };
  }
}
