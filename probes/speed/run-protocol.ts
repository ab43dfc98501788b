// Messages between the speed probe (parent) and the child process that runs one Lighthouse
// measurement (run-child.ts). The child reports Chromium's pid before anything else so that the
// parent can kill Chromium's process group whatever happens to the child.
import type { SpeedError } from './types.ts';

export type RunRequest = {
  url: string;
  chromePath: string;
  chromeFlags: readonly string[];
  userDataDir: string;
  /** A full Lighthouse config ({ extends: 'lighthouse:default', settings }). */
  config: Record<string, unknown>;
  /** Process priority for the runner and Chromium (-20..19); null leaves it as inherited. */
  niceness: number | null;
};

export type ChildMessage =
  | { type: 'chrome'; pid: number }
  | { type: 'done'; lhrJson: string; documentAddresses: string[];
      documentNetError: string | null; chromiumVersion: string | null }
  | { type: 'failed'; error: SpeedError };
