// The registry of speed profiles. The default of indicator 4 is 'gtmetrix-desktop'.
import type { SpeedProfile } from './profile.ts';
import { gtmetrixDesktop } from './gtmetrix-desktop.ts';
import { mobileSimulated } from './mobile-simulated.ts';

export const speedProfiles = {
  'gtmetrix-desktop': gtmetrixDesktop,
  'mobile-simulated': mobileSimulated,
} as const satisfies Record<string, SpeedProfile>;

export type SpeedProfileName = keyof typeof speedProfiles;
export const defaultSpeedProfile: SpeedProfileName = 'gtmetrix-desktop';

export function isSpeedProfileName(name: string): name is SpeedProfileName {
  return Object.hasOwn(speedProfiles, name);
}
