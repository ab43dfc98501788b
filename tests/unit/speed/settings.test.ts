// Profiles, the settings hash, and the evidence read from the DevTools log (no browser).
import { describe, expect, it } from 'vitest';
import { lighthouseConfig, settingsHash } from '../../../probes/speed/lighthouse-config.ts';
import { chromeFlags } from '../../../probes/speed/chrome-flags.ts';
import { isSpeedProfileName, speedProfiles } from '../../../probes/speed/profiles/index.ts';
import { documentAddresses, documentNetError } from '../../../probes/speed/document-addresses.ts';
import { treeRssBytes, type ProcInfo } from '../../../probes/speed/process-tree.ts';

describe('profiles and the settings hash', () => {
  it('gtmetrix-desktop is desktop 1366x768 dpr 1 without throttling', () => {
    const settings = lighthouseConfig(speedProfiles['gtmetrix-desktop']).settings as Record<string, unknown>;
    expect(settings).toMatchObject({
      formFactor: 'desktop', throttlingMethod: 'provided', onlyCategories: ['performance'],
      screenEmulation: { mobile: false, width: 1366, height: 768, deviceScaleFactor: 1 },
    });
    expect(isSpeedProfileName('mobile-simulated')).toBe(true);
    expect(isSpeedProfileName('toString')).toBe(false);
  });

  it('differs between profiles and flags, and does not depend on key order', () => {
    const desktop = lighthouseConfig(speedProfiles['gtmetrix-desktop']);
    const mobile = lighthouseConfig(speedProfiles['mobile-simulated']);
    expect(settingsHash(desktop, chromeFlags)).not.toBe(settingsHash(mobile, chromeFlags));
    expect(settingsHash(desktop, chromeFlags)).not.toBe(settingsHash(desktop, chromeFlags.slice(1)));
    const reordered = Object.fromEntries(Object.entries(desktop).reverse());
    expect(settingsHash(reordered, chromeFlags)).toBe(settingsHash(desktop, chromeFlags));
    expect(settingsHash(desktop, chromeFlags)).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('DevTools log evidence', () => {
  const log = [
    { method: 'Network.requestWillBeSent', params: { requestId: '1', type: 'Document' } },
    { method: 'Network.requestWillBeSent', params: { requestId: '1', type: 'Document', redirectResponse: { remoteIPAddress: '203.0.113.5' } } },
    { method: 'Network.responseReceived', params: { requestId: '1', type: 'Document', response: { remoteIPAddress: '[::1]' } } },
    { method: 'Network.responseReceived', params: { requestId: '2', type: 'Image', response: { remoteIPAddress: '10.0.0.1' } } },
    { method: 'Network.requestWillBeSent', params: { requestId: '3', type: 'Document' } },
    { method: 'Network.loadingFailed', params: { requestId: '2', errorText: 'net::ERR_FAILED' } },
    { method: 'Network.loadingFailed', params: { requestId: '3', errorText: 'net::ERR_CONNECTION_REFUSED' } },
  ];

  it('collects the addresses of documents and redirect hops, not of subresources', () => {
    expect(documentAddresses(log)).toEqual(['203.0.113.5', '::1']);
  });

  it("finds the failed document's net error", () => {
    expect(documentNetError(log)).toBe('net::ERR_CONNECTION_REFUSED');
    expect(documentNetError(log.slice(0, 4))).toBeNull();
  });
});

describe('treeRssBytes', () => {
  it('sums a process and its descendants, skipping zombies and strangers', () => {
    const p = (pid: number, ppid: number, rssBytes: number, zombie = false): ProcInfo =>
      ({ pid, ppid, pgid: pid, zombie, rssBytes, cmdline: '' });
    const procs = [p(10, 1, 100), p(11, 10, 20), p(12, 11, 3), p(13, 10, 999, true), p(20, 1, 5000)];
    expect(treeRssBytes(10, procs)).toBe(123);
  });
});
