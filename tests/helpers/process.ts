// Runs Sanjeh's CLI as a real child process on the pinned Node, and waits on what it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export const NODE24 = 'node_modules/node/bin/node';

export type Running = {
  child: ChildProcess;
  lines: string[];
  /** Resolves with the first line (already printed or to come) matching `re`; rejects after `ms`. */
  waitFor: (re: RegExp, ms?: number) => Promise<string>;
  /** SIGTERM, then the exit code (rejects if it does not exit within `ms`). */
  stop: (ms?: number) => Promise<number | null>;
};

export function runSanjeh(args: string[], env: Record<string, string | undefined>): Running {
  const child = spawn(NODE24, ['services/main.ts', ...args], {
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], LOG_LEVEL: 'info', ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters = new Set<{ re: RegExp; resolve: (l: string) => void }>();
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      for (const w of waiters) if (w.re.test(line)) { waiters.delete(w); w.resolve(line); }
    });
  }
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return {
    child, lines,
    waitFor: (re, ms = 60_000) => {
      const seen = lines.find((l) => re.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const w = { re, resolve: (l: string) => { clearTimeout(timer); resolve(l); } };
        const timer = setTimeout(() => { waiters.delete(w); reject(new Error(`no line matching ${re} within ${ms} ms; output:\n${lines.join('\n')}`)); }, ms);
        waiters.add(w);
        void exited.then((code) => { if (waiters.delete(w)) { clearTimeout(timer); reject(new Error(`exited with ${code} before ${re}; output:\n${lines.join('\n')}`)); } });
      });
    },
    stop: async (ms = 30_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), ms);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Runs a CLI command to completion: exit code and output. */
export async function execSanjeh(args: string[], env: Record<string, string | undefined>) {
  const r = runSanjeh(args, env);
  const [code] = await once(r.child, 'exit');
  await new Promise((res) => setImmediate(res));
  return { code: code as number, output: r.lines.join('\n') };
}
