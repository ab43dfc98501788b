// GTmetrix's test conditions since its move to Lighthouse (late 2020): desktop Chrome at
// 1366×768, device pixel ratio 1, no throttling, so the page is measured as the connection
// delivers it ('provided'). The default profile of indicator 4.
import type { SpeedProfile } from './profile.ts';

// Lighthouse's own desktop user agent string (core/config/constants.js, Lighthouse 13.5).
const desktopUserAgent = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 '
  + '(KHTML, like Gecko) Chrome/136.0.0.0 Safari/537.36';

export const gtmetrixDesktop: SpeedProfile = {
  name: 'gtmetrix-desktop',
  description: 'desktop, 1366x768 dpr 1, no throttling (GTmetrix conditions)',
  settings: {
    formFactor: 'desktop',
    screenEmulation: { mobile: false, width: 1366, height: 768, deviceScaleFactor: 1, disabled: false },
    emulatedUserAgent: desktopUserAgent,
    throttlingMethod: 'provided',
    throttling: {
      rttMs: 0, throughputKbps: 0, requestLatencyMs: 0,
      downloadThroughputKbps: 0, uploadThroughputKbps: 0, cpuSlowdownMultiplier: 1,
    },
  },
};
