// The scheduler: every tick, enqueue the jobs whose slots started since the previous tick, one per
// (kind, target, region, slot). Slots missed while no scheduler ran are not backfilled: the gap is
// unobserved time. The target list is refreshed on its own period, not on every tick.
import cron from 'node-cron';
import type { Logger } from 'pino';
import type { ProbeJob, ProbeKind } from '../../workers/job.ts';
import { slotsBetween } from './slots.ts';

export type SchedTarget = { id: number; url: string; intervalsMs?: Partial<Record<ProbeKind, number>> };

export type SchedulerDeps = {
  listTargets: () => Promise<SchedTarget[]>;
  enqueue: (job: ProbeJob) => Promise<void>;
  /** Default interval per kind; a kind without one is not scheduled. */
  cadencesMs: Partial<Record<ProbeKind, number>>;
  regions: readonly string[];
  now: () => number;
  logger: Logger;
  refreshTargetsMs?: number;
};

/** Pure: the jobs due in (fromMs, toMs]. */
export function dueJobs(targets: readonly SchedTarget[], deps: Pick<SchedulerDeps, 'cadencesMs' | 'regions'>, fromMs: number, toMs: number): ProbeJob[] {
  const jobs: ProbeJob[] = [];
  for (const [kind, defaultMs] of Object.entries(deps.cadencesMs) as Array<[ProbeKind, number]>) {
    for (const t of targets) {
      const interval = t.intervalsMs?.[kind] ?? defaultMs;
      for (const slotMs of slotsBetween(t.id, interval, fromMs, toMs, 5)) {
        for (const region of deps.regions) jobs.push({ kind, targetId: t.id, url: t.url, region, slotMs });
      }
    }
  }
  return jobs;
}

export type Scheduler = { tick: () => Promise<number> };
export type RunningScheduler = Scheduler & { close: () => Promise<void> };

/** A scheduler driven by calls to tick() (tests drive it with an injected clock). */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  let targets: SchedTarget[] = [];
  let loadedAt = -Infinity;
  let last = deps.now();

  async function tick(): Promise<number> {
    const now = deps.now();
    if (now - loadedAt >= (deps.refreshTargetsMs ?? 30_000)) {
      targets = await deps.listTargets();
      loadedAt = now;
    }
    const jobs = dueJobs(targets, deps, last, now);
    last = now;
    for (const job of jobs) await deps.enqueue(job);
    return jobs.length;
  }
  return { tick };
}

/** A scheduler ticking every second on node-cron until closed. */
export function startScheduler(deps: SchedulerDeps): RunningScheduler {
  const { tick } = createScheduler(deps);
  let running: Promise<number> | null = null;
  const task = cron.schedule('* * * * * *', () => {
    if (running) return; // a slow tick is not stacked; the next one covers the whole span
    running = tick().catch((err) => { deps.logger.error({ err }, 'scheduler tick failed'); return 0; })
      .finally(() => { running = null; });
  }, { noOverlap: true });

  return {
    tick,
    async close() {
      await task.stop();
      await running;
    },
  };
}
