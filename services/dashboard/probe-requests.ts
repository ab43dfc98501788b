// The scheduler side of "probe now": claims recorded requests and enqueues one job per kind with the
// request's own slot, so it never collides with a scheduled slot's job id. Uptime is not offered:
// an extra check off the schedule would change how the availability evaluator reads the timeline.
import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import { claimProbeRequests } from '../../db/store/probe-requests.ts';
import type { ProbeJob } from '../../workers/job.ts';

export type DrainDeps = { enqueue: (job: ProbeJob) => Promise<void>; region: string; now: () => number };

/** One pass: returns how many requests were enqueued. */
export async function drainProbeRequests(db: Db, deps: DrainDeps): Promise<number> {
  const requests = await claimProbeRequests(db, deps.region, new Date(deps.now()));
  for (const r of requests) {
    for (const kind of r.kinds) await deps.enqueue({ kind, targetId: r.targetId, url: r.url, region: deps.region, slotMs: r.slotAt.getTime() });
  }
  return requests.length;
}

/** For the scheduler process: drain every `everyMs` until closed. */
export function startProbeRequestDrain(db: Db, deps: DrainDeps & { everyMs: number; logger: Logger }): { name: string; close: () => Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = drainProbeRequests(db, deps).catch((err: unknown) => deps.logger.error({ err }, 'probe requests drain failed'))
      .finally(() => { if (!stopped) timer = setTimeout(tick, deps.everyMs); });
  };
  tick();
  return { name: 'probe-requests', close: async () => { stopped = true; clearTimeout(timer); await running; } };
}
