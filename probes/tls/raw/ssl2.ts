// SSL 2.0 CLIENT-HELLO and SERVER-HELLO (draft-hickman-netscape-ssl-00, Appendix A): 2-byte
// record header with the high bit set, 3-byte cipher kinds.
import { randomBytes } from 'node:crypto';

export const ssl2CipherKinds: ReadonlyMap<number, string> = new Map([
  [0x010080, 'SSL_CK_RC4_128_WITH_MD5'],
  [0x020080, 'SSL_CK_RC4_128_EXPORT40_WITH_MD5'],
  [0x030080, 'SSL_CK_RC2_128_CBC_WITH_MD5'],
  [0x040080, 'SSL_CK_RC2_128_CBC_EXPORT40_WITH_MD5'],
  [0x050080, 'SSL_CK_IDEA_128_CBC_WITH_MD5'],
  [0x060040, 'SSL_CK_DES_64_CBC_WITH_MD5'],
  [0x0700c0, 'SSL_CK_DES_192_EDE3_CBC_WITH_MD5'],
  [0x080080, 'SSL_CK_RC4_64_WITH_MD5'],
]);

export function buildSsl2ClientHello(challenge: Buffer = randomBytes(16)): Buffer {
  const specs = Buffer.alloc(ssl2CipherKinds.size * 3);
  [...ssl2CipherKinds.keys()].forEach((k, i) => specs.writeUIntBE(k, i * 3, 3));
  const body = Buffer.alloc(9);
  body.writeUInt8(1, 0); // CLIENT-HELLO
  body.writeUInt16BE(0x0002, 1); // SSL 2.0
  body.writeUInt16BE(specs.length, 3);
  body.writeUInt16BE(0, 5); // no session id
  body.writeUInt16BE(challenge.length, 7);
  const message = Buffer.concat([body, specs, challenge]);
  return Buffer.concat([Buffer.from([0x80 | (message.length >> 8), message.length & 0xff]), message]);
}

export type Ssl2Parse = { kind: 'need_more' } | { kind: 'not_ssl2' } | { kind: 'server_hello'; ciphers: string[] };

/** Parses the start of the server's answer. */
export function parseSsl2ServerHello(data: Buffer): Ssl2Parse {
  if (data.length < 2) return { kind: 'need_more' };
  // A TLS record (e.g. a protocol_version alert) from a server that does not speak SSLv2.
  if (data[0]! >= 20 && data[0]! <= 24 && data[1] === 3) return { kind: 'not_ssl2' };
  const twoByte = (data[0]! & 0x80) !== 0;
  const headerLength = twoByte ? 2 : 3;
  const length = twoByte ? data.readUInt16BE(0) & 0x7fff : data.readUInt16BE(0) & 0x3fff;
  if (data.length < headerLength + length) return { kind: 'need_more' };
  const m = data.subarray(headerLength, headerLength + length);
  if (m.length < 11 || m[0] !== 4) return { kind: 'not_ssl2' };
  const certLength = m.readUInt16BE(5);
  const specsLength = m.readUInt16BE(7);
  const specs = m.subarray(11 + certLength, 11 + certLength + specsLength);
  if (specs.length !== specsLength || specsLength % 3 !== 0) return { kind: 'not_ssl2' };
  const ciphers: string[] = [];
  for (let i = 0; i < specs.length; i += 3) {
    const kind = specs.readUIntBE(i, 3);
    ciphers.push(ssl2CipherKinds.get(kind) ?? `0x${kind.toString(16).padStart(6, '0')}`);
  }
  return { kind: 'server_hello', ciphers };
}
