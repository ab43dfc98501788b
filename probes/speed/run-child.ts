// Child-process entry of one speed run (issue 5): Lighthouse's trace processing takes seconds of
// CPU, and running it here keeps the worker's event loop (and its queue lock) free. Receives one
// RunRequest over IPC, launches Chromium in its own process group, reports the pid, runs
// Lighthouse and sends back the LHR JSON. The parent owns the timeout and the final cleanup.
import { setPriority } from 'node:os';
import lighthouse from 'lighthouse';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import type { ChildMessage, RunRequest } from './run-protocol.ts';
import { documentAddresses, documentNetError, type DevtoolsEvent } from './document-addresses.ts';

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => process.send?.(message, () => resolve()) ?? resolve());
}

/** The full Chromium version ('156.0.8078.79'); the page-facing user agent is reduced. */
async function browserVersion(port: number): Promise<string | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/json/version`, { signal: AbortSignal.timeout(5_000) });
    const { Browser } = (await res.json()) as { Browser?: string };
    return /\/([\d.]+)/.exec(Browser ?? '')?.[1] ?? null;
  } catch {
    return null; // evidence only: a missing version never fails the run
  }
}

async function measure(req: RunRequest, chrome: LaunchedChrome): Promise<ChildMessage> {
  const result = await lighthouse(req.url, { port: chrome.port, output: 'json', logLevel: 'silent' },
    req.config as never);
  if (!result) return { type: 'failed', error: { class: 'lighthouse_error', reason: 'no result' } };
  // A failed page load leaves its log under DevtoolsLogError instead.
  const artifacts = result.artifacts as { DevtoolsLog?: DevtoolsEvent[]; DevtoolsLogError?: DevtoolsEvent[] };
  const log = artifacts.DevtoolsLog ?? artifacts.DevtoolsLogError ?? [];
  return {
    type: 'done', lhrJson: JSON.stringify(result.lhr), documentAddresses: documentAddresses(log),
    documentNetError: documentNetError(log),
    chromiumVersion: await browserVersion(chrome.port),
  };
}

// If the parent dies without killing us (a worker crash, SIGKILL), the IPC channel closes:
// take Chromium down with us rather than leave it orphaned.
let chrome: LaunchedChrome | undefined;
process.once('disconnect', () => {
  chrome?.kill();
  process.exit(1);
});

/** Chromium inherits the runner's priority; raising it needs CAP_SYS_NICE, so failure is fine. */
function prioritise(niceness: number | null): void {
  if (niceness === null) return;
  try { setPriority(niceness); } catch { /* not permitted: measure at the inherited priority */ }
}

async function run(req: RunRequest): Promise<void> {
  prioritise(req.niceness);
  try {
    chrome = await launch({
      chromePath: req.chromePath, chromeFlags: [...req.chromeFlags], userDataDir: req.userDataDir,
      ignoreDefaultFlags: true, handleSIGINT: false, logLevel: 'silent',
    });
    await send({ type: 'chrome', pid: chrome.pid });
    // A crashed browser would leave Lighthouse waiting for protocol timeouts: report it now.
    chrome.process.once('exit', (code, sig) => void send({
      type: 'failed', error: { class: 'browser_failure', reason: `Chromium exited (code ${code}, signal ${sig})` },
    }));
  } catch (err) {
    await send({ type: 'failed', error: { class: 'browser_failure', reason: String(err) } });
    return;
  }
  try {
    await send(await measure(req, chrome));
  } catch (err) {
    await send({ type: 'failed', error: { class: 'lighthouse_error', reason: String(err) } });
  }
}

process.once('message', (req: RunRequest) => {
  void run(req).finally(() => process.disconnect?.()); // the disconnect handler kills Chromium
});
