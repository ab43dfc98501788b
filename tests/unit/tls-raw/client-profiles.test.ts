import { describe, expect, it } from 'vitest';
import { clientProfiles, parseClientProfile } from '../../../probes/tls/raw/client-profiles.ts';
import { profileHello } from '../../../probes/tls/raw/simulate-clients.ts';
import { cipherSuites } from '../../../probes/tls/cipher-suites.ts';

const t = { host: 'example.ir', port: 443, allowPrivate: false, timeoutMs: 1000 };

describe('client profiles', () => {
  it('load from the JSON files with modern and old clients', () => {
    const ids = clientProfiles.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['chrome-120', 'firefox-120', 'safari-17', 'android-14', 'java-17', 'openssl-3-curl']));
    expect(clientProfiles.filter((p) => !p.modern).map((p) => p.id)).toEqual(expect.arrayContaining(['ie-11-win7', 'android-4-4', 'java-8']));
  });

  it('offer only suites the table knows', () => {
    for (const p of clientProfiles) expect(p.suites.filter((c) => !cipherSuites.has(c)), p.id).toEqual([]);
  });

  it('rejects malformed files and ids that differ from the file name', () => {
    expect(() => parseClientProfile('{"id":"x","name":"X","modern":true,"versions":["TLSv9"],"suites":[1],"groups":[]}', 'x.json')).toThrow(/x.json/);
    expect(() => parseClientProfile('{"id":"x","name":"X","modern":true,"versions":["TLSv1.2"],"suites":[1],"groups":[]}', 'y.json')).toThrow(/does not match/);
  });

  it('build a TLS 1.3 hello with supported_versions and an X25519 key share', () => {
    const chrome = clientProfiles.find((p) => p.id === 'chrome-120')!;
    const hello = profileHello(t, chrome);
    expect(hello).toMatchObject({ version: 0x0303, supportedVersions: [0x0304, 0x0303] });
    expect(hello.keyShares?.[0]).toMatchObject({ group: 29 });
    expect(hello.keyShares?.[0]?.key.length).toBe(32);
  });

  it('build a legacy hello at the client best version without TLS 1.3 parts', () => {
    const ie = clientProfiles.find((p) => p.id === 'ie-8-xp')!;
    const hello = profileHello(t, ie);
    expect(hello.version).toBe(0x0301);
    expect(hello.supportedVersions).toBeUndefined();
    expect(hello.suites).toEqual(ie.suites);
  });
});
