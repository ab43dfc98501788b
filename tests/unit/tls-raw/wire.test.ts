import { describe, expect, it } from 'vitest';
import { buildClientHello, encodeClientHello } from '../../../probes/tls/raw/client-hello.ts';
import { encodeHandshake, encodeRecord, RecordReader } from '../../../probes/tls/raw/records.ts';
import { parseServerHello } from '../../../probes/tls/raw/server-hello.ts';

const random = Buffer.alloc(32, 0xaa);

describe('ClientHello encoding', () => {
  it('encodes a minimal SSLv3 hello byte for byte', () => {
    const record = buildClientHello({ version: 0x0300, suites: [0x000a, 0x0005], random });
    const expected = Buffer.concat([
      Buffer.from('160300', 'hex'), Buffer.from([0, 47]), // record: handshake, SSLv3, length 47
      Buffer.from('0100002b', 'hex'), // ClientHello, length 43
      Buffer.from('0300', 'hex'), random, Buffer.from('00', 'hex'), // version, random, empty session id
      Buffer.from('0004000a0005', 'hex'), Buffer.from('0100', 'hex'), // suites, compression [null]
    ]);
    expect(record.toString('hex')).toBe(expected.toString('hex'));
  });

  it('puts SNI, groups, sigalgs, renegotiation_info and heartbeat in TLS 1.2 hellos', () => {
    const msg = encodeClientHello({ version: 0x0303, suites: [0xc02f], servername: 'example.ir', groups: [29],
      sigalgs: [0x0401], renegotiationInfo: true, heartbeat: true, random });
    const hex = msg.toString('hex');
    expect(hex).toContain('0000000f000d00000a' + Buffer.from('example.ir').toString('hex'));
    expect(hex).toContain('000a0004' + '0002001d'); // supported_groups [x25519]
    expect(hex).toContain('000d0004' + '00020401'); // signature_algorithms
    expect(hex).toContain('ff01000100'); // empty renegotiation_info
    expect(hex).toContain('000f000101'); // heartbeat peer_allowed_to_send
  });

  it('leaves SNI out for IP literals and sigalgs out below TLS 1.2', () => {
    const hex = encodeClientHello({ version: 0x0301, suites: [0x002f], servername: '127.0.0.1', sigalgs: [0x0401], random }).toString('hex');
    expect(hex.endsWith('002f0100')).toBe(true); // no extensions block at all
  });

  it('pads hellos of 256-511 bytes to 512', () => {
    const suites = Array.from({ length: 120 }, (_, i) => 0xc000 + i);
    expect(encodeClientHello({ version: 0x0303, suites, random }).length).toBe(512);
  });
});

describe('record reader', () => {
  const hello = encodeHandshake(2, Buffer.from('0303', 'hex'));
  const done = encodeHandshake(14, Buffer.alloc(0));

  it('reassembles records split anywhere and several messages per record', () => {
    const bytes = Buffer.concat([encodeRecord(22, 0x0303, Buffer.concat([hello, done])), encodeRecord(21, 0x0303, Buffer.from([2, 40]))]);
    const reader = new RecordReader();
    const events = [...bytes].flatMap((b) => reader.feed(Buffer.from([b])));
    expect(events).toEqual([
      { kind: 'handshake', type: 2, body: Buffer.from('0303', 'hex') },
      { kind: 'handshake', type: 14, body: Buffer.alloc(0) },
      { kind: 'alert', level: 2, description: 40 },
    ]);
  });

  it('reassembles a handshake message spread over two records', () => {
    const msg = encodeHandshake(11, Buffer.alloc(300, 7));
    const reader = new RecordReader();
    const events = reader.feed(Buffer.concat([encodeRecord(22, 0x0303, msg.subarray(0, 100)), encodeRecord(22, 0x0303, msg.subarray(100))]));
    expect(events).toEqual([{ kind: 'handshake', type: 11, body: Buffer.alloc(300, 7) }]);
  });

  it('reports bytes that are not TLS (an HTTP answer)', () => {
    expect(new RecordReader().feed(Buffer.from('HTTP/1.1 400 Bad Request\r\n'))[0]?.kind).toBe('invalid');
  });
});

describe('ServerHello parsing', () => {
  const base = (version: string, rand: string, ext: string) => Buffer.from(
    version + rand + '00' + 'c02f' + '00' + (ext ? (ext.length / 2).toString(16).padStart(4, '0') + ext : ''), 'hex');

  it('reads version, suite, compression and extensions of a TLS 1.2 hello', () => {
    const h = parseServerHello(base('0303', 'bb'.repeat(32), 'ff01000100'));
    expect(h).toMatchObject({ version: 0x0303, legacyVersion: 0x0303, suite: 0xc02f, compression: 0, helloRetryRequest: false });
    expect(h?.extensions.get(0xff01)).toEqual(Buffer.from([0]));
  });

  it('takes the version from supported_versions and recognises a HelloRetryRequest', () => {
    const hrr = 'cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c';
    const h = parseServerHello(base('0303', hrr, '002b00020304'));
    expect(h).toMatchObject({ version: 0x0304, legacyVersion: 0x0303, helloRetryRequest: true });
  });

  it('rejects truncated bodies and broken extension blocks', () => {
    expect(parseServerHello(Buffer.alloc(20))).toBeNull();
    expect(parseServerHello(base('0303', 'bb'.repeat(32), 'ff010005'))).toBeNull();
  });
});
