// One Lighthouse run in a child process, bounded in time (issue 5). The parent forks
// run-child.ts with the pinned Node (process.execPath), gives it a fresh --user-data-dir,
// and on success, failure, timeout, abort or crash alike kills Chromium's process group and
// anything else naming that directory, then removes the directory. No orphans, ever.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildMessage, RunRequest } from './run-protocol.ts';
import type { SpeedError } from './types.ts';
import { killRunProcesses } from './process-tree.ts';

const childPath = new URL('./run-child.ts', import.meta.url);

/** `workDir` holds each run's fresh Chromium profile directory (default: the OS temp dir). */
export type RunOnceInput = Omit<RunRequest, 'userDataDir'> & { timeoutMs: number; workDir?: string };
export type RawRun =
  | { ok: true; lhrJson: string; documentAddresses: string[]; documentNetError: string | null;
      chromiumVersion: string | null }
  | { ok: false; error: SpeedError };

type Settle = (outcome: RawRun) => void;

function watchChild(child: ChildProcess, pgids: number[], settle: Settle): void {
  child.on('message', (m: ChildMessage) => {
    if (m.type === 'chrome') pgids.push(m.pid);
    else if (m.type === 'done') {
      const { type: _type, ...run } = m;
      settle({ ok: true, ...run });
    }
    else settle({ ok: false, error: m.error });
  });
  child.on('error', (err) => settle({ ok: false, error: { class: 'browser_failure', reason: String(err) } }));
  // 'close', not 'exit': it comes after the IPC channel is drained, so a 'done' sent just
  // before the child exited is never mistaken for a crash.
  child.on('close', (code, sig) => settle({
    ok: false, error: { class: 'browser_failure', reason: `runner exited (code ${code}, signal ${sig})` },
  }));
}

function awaitRun(child: ChildProcess, pgids: number[], timeoutMs: number, signal: AbortSignal): Promise<RawRun> {
  return new Promise<RawRun>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const onAbort = (): void => settle({ ok: false, error: { class: 'aborted', reason: 'measurement aborted' } });
    function settle(outcome: RawRun): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(outcome); // later calls are no-ops: a promise settles once
    }
    timer = setTimeout(() => settle({
      ok: false, error: { class: 'page_timeout', reason: `run exceeded ${timeoutMs} ms` },
    }), timeoutMs);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    watchChild(child, pgids, settle);
  });
}

/** Runs Lighthouse once; never throws for what the page or Chromium did. */
export async function runOnce(input: RunOnceInput, signal: AbortSignal): Promise<RawRun> {
  const userDataDir = await mkdtemp(join(input.workDir ?? tmpdir(), 'sanjeh-speed-'));
  const pgids: number[] = [];
  const child = fork(childPath, [], {
    execPath: process.execPath, execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced',
  });
  child.stderr?.resume(); // drain: a full pipe would stall the child
  try {
    const { timeoutMs, workDir: _workDir, ...request } = input;
    child.send({ ...request, userDataDir } satisfies RunRequest);
    return await awaitRun(child, pgids, timeoutMs, signal);
  } finally {
    child.kill('SIGKILL');
    await killRunProcesses(userDataDir, pgids);
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  }
}
