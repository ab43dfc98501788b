// The scheduler: every tick, enqueue the jobs whose slots started since the previous tick, one per
// (kind, target, region, slot). Only the leader enqueues (isLeader, a Redis lock in production); a
// standby ticks too and takes over when the lock frees. Slots missed while no scheduler led are not
// backfilled beyond `catchUpMs` (a little more than the lock's expiry, so a handover loses no
// slot): older ones are unobserved time. Re-enqueueing a slot is harmless: the job id is the slot.
import cron from 'node-cron';
import type { Logger } from 'pino';
import type { ProbeJob, ProbeKind } from '../../workers/job.ts';
import { slotsBetween } from './slots.ts';

export type SchedTarget = { id: number; url: string; intervalsMs?: Partial<Record<ProbeKind, number>> | undefined };

export type SchedulerDeps = {
  listTargets: () => Promise<SchedTarget[]>;
  enqueue: (job: ProbeJob) => Promise<void>;
  /** Default interval per kind; a kind without one is not scheduled. */
  cadencesMs: Partial<Record<ProbeKind, number>>;
  regions: readonly string[];
  now: () => number;
  logger: Logger;
  refreshTargetsMs?: number;
  /** Asked on every tick; false = standby. Unset: always the leader (embedded mode). */
  isLeader?: () => Promise<boolean>;
  /** How far back a new leader (or a lagging one) still enqueues slots; default 10 s. */
  catchUpMs?: number;
  /** Enqueue calls in flight at once. */
  enqueueBatch?: number;
  /** Called by the leader every `expireEveryMs` (default 10 s): drops jobs waiting past their lateness. */
  expire?: () => Promise<void>;
  expireEveryMs?: number;
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

export type Scheduler = { tick: () => Promise<number>; isLeading: () => boolean };
export type RunningScheduler = Scheduler & { close: () => Promise<void> };

async function enqueueAll(jobs: readonly ProbeJob[], enqueue: SchedulerDeps['enqueue'], batch: number): Promise<void> {
  for (let i = 0; i < jobs.length; i += batch) await Promise.all(jobs.slice(i, i + batch).map(enqueue));
}

/** A scheduler driven by calls to tick() (tests drive it with an injected clock). */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  let targets: SchedTarget[] = [];
  let loadedAt = -Infinity;
  let last = -Infinity; // slots up to here are enqueued
  let leading: boolean | undefined; // unknown until the first tick
  let expiredAt = -Infinity;
  const catchUpMs = deps.catchUpMs ?? 10_000;

  async function lead(): Promise<boolean> {
    let now: boolean;
    try {
      now = deps.isLeader ? await deps.isLeader() : true;
    } catch (err) {
      if (leading) deps.logger.error({ err }, 'scheduler cannot reach its lock; standing by');
      now = false;
    }
    if (now !== leading) deps.logger.info({ leading: now }, now ? 'scheduler is the leader' : 'scheduler is standby');
    leading = now;
    return now;
  }

  async function refresh(now: number): Promise<void> {
    if (now - loadedAt < (deps.refreshTargetsMs ?? 30_000)) return;
    try {
      targets = await deps.listTargets();
      loadedAt = now;
    } catch (err) { // keep scheduling the known targets; the database will be back
      deps.logger.error({ err }, 'cannot refresh the target list');
    }
  }

  async function tick(): Promise<number> {
    if (!(await lead())) return 0;
    const now = deps.now();
    await refresh(now);
    const from = Math.max(last, now - catchUpMs);
    const jobs = dueJobs(targets, deps, from, now);
    await enqueueAll(jobs, deps.enqueue, deps.enqueueBatch ?? 500);
    last = now; // only once all are in: a failed tick is retried by the next one (same ids)
    if (deps.expire && now - expiredAt >= (deps.expireEveryMs ?? 10_000)) {
      expiredAt = now;
      await deps.expire().catch((err) => deps.logger.error({ err }, 'cannot expire stale jobs'));
    }
    return jobs.length;
  }
  return { tick, isLeading: () => leading === true };
}

/** A scheduler ticking every second on node-cron until closed. */
export function startScheduler(deps: SchedulerDeps & { onClose?: () => Promise<void> }): RunningScheduler {
  const scheduler = createScheduler(deps);
  let running: Promise<number> | null = null;
  const task = cron.schedule('* * * * * *', () => {
    if (running) return; // a slow tick is not stacked; the next one covers the whole span
    running = scheduler.tick().catch((err) => { deps.logger.error({ err }, 'scheduler tick failed'); return 0; })
      .finally(() => { running = null; });
  }, { noOverlap: true });

  return {
    ...scheduler,
    async close() {
      await task.stop();
      await running;
      await deps.onClose?.();
    },
  };
}
