// `sanjeh probe speed` argument handling (no browser: every case fails before a run starts).
import { describe, expect, it } from 'vitest';
import { probeSpeedCommand } from '../../../services/cli/commands/probe-speed.ts';
import { UsageError } from '../../../services/cli/command.ts';

describe('probe speed command', () => {
  it('is registered under "probe speed" and lists its profiles in the usage', () => {
    expect(probeSpeedCommand.name).toEqual(['probe', 'speed']);
    expect(probeSpeedCommand.usage).toContain('gtmetrix-desktop|mobile-simulated');
  });

  it.each([
    [[], 'give exactly one URL'],
    [['not a url'], 'malformed URL "not a url"'],
    [['http://example.test/', '--profile', 'gtmetrix-mobile'], '--profile must be one of'],
    [['http://example.test/', '--runs', '0'], '--runs must be an integer from 1 to 15'],
    [['http://example.test/', '--timeout-ms', 'soon'], '--timeout-ms must be an integer'],
    [['http://example.test/', '--bogus'], 'Unknown option'],
  ])('rejects %j with a usage error', async (argv, message) => {
    const run = probeSpeedCommand.run(argv);
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(run).rejects.toThrow(message);
  });
});
