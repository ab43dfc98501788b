// The shape of a speed profile: a name and the Lighthouse settings it overrides. Profiles are
// data (issue 5); the settings hash stored with each result keeps scores of different
// settings from ever being compared or mixed.
export type SpeedProfile = {
  readonly name: string;
  readonly description: string;
  /** Lighthouse `settings` overrides on top of lighthouse:default (performance only). */
  readonly settings: Readonly<Record<string, unknown>>;
};
