import { describe, expect, it } from 'vitest';
import { buildSsl2ClientHello, parseSsl2ServerHello } from '../../../probes/tls/raw/ssl2.ts';

describe('SSLv2 messages', () => {
  it('builds a CLIENT-HELLO with a 2-byte header, version 2 and all eight cipher kinds', () => {
    const challenge = Buffer.alloc(16, 0x11);
    const hello = buildSsl2ClientHello(challenge);
    expect(hello.subarray(0, 11).toString('hex')).toBe('8031' + '01' + '0002' + '0018' + '0000' + '0010');
    expect(hello.subarray(11, 14).toString('hex')).toBe('010080');
    expect(hello.subarray(-16)).toEqual(challenge);
    expect(hello.length).toBe(2 + 0x31);
  });

  it('parses a SERVER-HELLO and asks for more bytes while it is incomplete', () => {
    const cert = Buffer.from('3003020101', 'hex');
    const body = Buffer.concat([Buffer.from('0400010002' + '0005' + '0006' + '0000', 'hex'), cert, Buffer.from('0700c0060040', 'hex')]);
    const message = Buffer.concat([Buffer.from([0x80, body.length]), body]);
    expect(parseSsl2ServerHello(message.subarray(0, 10))).toEqual({ kind: 'need_more' });
    expect(parseSsl2ServerHello(message)).toEqual({ kind: 'server_hello', ciphers: ['SSL_CK_DES_192_EDE3_CBC_WITH_MD5', 'SSL_CK_DES_64_CBC_WITH_MD5'] });
  });

  it('recognises a TLS alert as not SSLv2', () => {
    expect(parseSsl2ServerHello(Buffer.from('15030100020228', 'hex')).kind).toBe('not_ssl2');
  });
});
