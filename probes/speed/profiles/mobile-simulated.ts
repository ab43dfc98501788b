// Lighthouse's default mobile settings: Moto G Power emulation, simulated slow 4G and 4× CPU
// slowdown (Lantern). Useful to compare with PageSpeed Insights; not the indicator-4 profile.
import type { SpeedProfile } from './profile.ts';

export const mobileSimulated: SpeedProfile = {
  name: 'mobile-simulated',
  description: "Lighthouse's default mobile settings (simulated throttling)",
  settings: {},
};
