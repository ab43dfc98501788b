// The Lighthouse config of a run, built from a profile, and the hash that identifies it. Two
// results are comparable only when their settings hashes are equal (issue 5); the hash covers
// the profile's settings, the fixed settings below and the Chromium flags, not the versions
// (Lighthouse and Chromium versions are stored beside it).
import { createHash } from 'node:crypto';
import type { SpeedProfile } from './profiles/profile.ts';

/** Settings every profile shares: only the performance category, no full-page screenshot. */
const fixedSettings = {
  onlyCategories: ['performance'],
  disableFullPageScreenshot: true,
  maxWaitForLoad: 45_000,
} as const;

export function lighthouseConfig(profile: SpeedProfile): Record<string, unknown> {
  return { extends: 'lighthouse:default', settings: { ...fixedSettings, ...profile.settings } };
}

/** JSON with object keys sorted, so the hash does not depend on key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** sha256 (hex, first 16 chars) of the config and the Chromium flags. */
export function settingsHash(config: Record<string, unknown>, flags: readonly string[]): string {
  return createHash('sha256').update(canonicalJson({ config, flags })).digest('hex').slice(0, 16);
}
