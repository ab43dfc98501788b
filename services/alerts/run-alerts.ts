// The alerting loop of a process: every tick it turns new availability events into incidents and
// alert events, settles quiet flapping spells and sends what is due. A tick's own failure (database
// down) is logged and the next tick tries again; close() lets the running tick finish.
import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import { dispatchDue, type DispatchDeps } from './dispatcher.ts';
import { processAvailabilityEvents, type AlertingDeps } from './process-availability.ts';
import { settleFlapping } from './settle-flapping.ts';

export type AlertLoopDeps = AlertingDeps & DispatchDeps & { tickMs: number };

/** One full pass; exported so tests and the CLI can drive it without timers. */
export async function alertTick(db: Db, deps: AlertingDeps & DispatchDeps, signal?: AbortSignal): Promise<void> {
  while ((await processAvailabilityEvents(db, deps)) > 0) { /* drain the backlog batch by batch */ }
  await settleFlapping(db, deps);
  await dispatchDue(db, deps, signal);
}

export function startAlertLoop(db: Db, deps: AlertLoopDeps, logger: Logger): { name: string; close: () => Promise<void> } {
  const stop = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = alertTick(db, deps, stop.signal)
      .catch((err: unknown) => logger.error({ err }, 'alert tick failed'))
      .finally(() => { if (!stop.signal.aborted) timer = setTimeout(tick, deps.tickMs); });
  };
  tick();
  return {
    name: 'alerts',
    close: async () => { stop.abort(); clearTimeout(timer); await running; },
  };
}
