// Finding and killing what a speed run left behind, from /proc (Linux only, like our Chromium).
// Issue 5: one Chromium per run, always killed afterwards, even on timeout or crash. Chromium is
// launched as the leader of its own process group, and its command line carries the run's fresh
// --user-data-dir, so a run's processes are those in the group or naming that directory.
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

export type ProcInfo = { pid: number; ppid: number; pgid: number; zombie: boolean; rssBytes: number; cmdline: string };

const pageBytes = 4096;

function readProc(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    return {
      pid, ppid: Number(fields[1]), pgid: Number(fields[2]), zombie: fields[0] === 'Z',
      rssBytes: Number(fields[21]) * pageBytes, cmdline,
    };
  } catch {
    return null; // the process exited while we looked
  }
}

export function listProcesses(): ProcInfo[] {
  const pids = readdirSync('/proc').filter((n) => /^\d+$/.test(n)).map(Number);
  return pids.map(readProc).filter((p): p is ProcInfo => p !== null);
}

/** Live (non-zombie) processes in one of `pgids` or whose command line contains `marker`. */
export function findRunProcesses(marker: string, pgids: readonly number[]): ProcInfo[] {
  return listProcesses().filter((p) => !p.zombie && p.pid !== process.pid
    && (pgids.includes(p.pgid) || p.cmdline.includes(marker)));
}

function kill(pid: number): void {
  try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
}

/**
 * SIGKILLs every process of a run (groups and marker) until none is left; returns how many it
 * found. Re-scans because a dying zygote may still be forking when the first pass runs.
 */
export async function killRunProcesses(marker: string, pgids: readonly number[]): Promise<number> {
  const seen = new Set<number>();
  for (let pass = 0; pass < 100; pass++) {
    const left = findRunProcesses(marker, pgids);
    if (left.length === 0) return seen.size;
    for (const p of left) {
      seen.add(p.pid);
      if (p.pgid === p.pid) kill(-p.pgid);
      kill(p.pid);
    }
    await delay(20); // SIGKILL is asynchronous: give the kernel a moment before re-scanning
  }
  return seen.size;
}

/** Resident memory of a process and all its descendants, in bytes (bench/speed samples it). */
export function treeRssBytes(rootPid: number, procs: ProcInfo[] = listProcesses()): number {
  const byParent = new Map<number, ProcInfo[]>();
  for (const p of procs) byParent.set(p.ppid, [...(byParent.get(p.ppid) ?? []), p]);
  let total = 0;
  const stack = procs.filter((p) => p.pid === rootPid);
  while (stack.length > 0) {
    const p = stack.pop()!;
    total += p.zombie ? 0 : p.rssBytes;
    stack.push(...(byParent.get(p.pid) ?? []));
  }
  return total;
}
