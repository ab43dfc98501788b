// Clean shutdown on SIGTERM/SIGINT: stop taking work, let held work finish, close connections,
// in the order given (intake first, storage last). A second signal exits at once.
import type { Logger } from 'pino';

export type Closer = { name: string; close: () => Promise<unknown> };

export function closeAll(closers: readonly Closer[], logger: Logger): Promise<void> {
  return closers.reduce(async (prev, c) => {
    await prev;
    const started = performance.now();
    try {
      await c.close();
      logger.info({ part: c.name, ms: Math.round(performance.now() - started) }, 'closed');
    } catch (err) {
      logger.error({ err, part: c.name }, 'error while closing');
    }
  }, Promise.resolve());
}

export type SignalTrap = {
  /** Closes `closers` in order once SIGTERM/SIGINT has arrived (at once if it already has). */
  closeWith(closers: readonly Closer[], logger: Logger): Promise<void>;
};

/**
 * Takes over SIGTERM/SIGINT at the very start of a long-running command, before anything slow
 * starts: a signal that arrives while the process is still starting is remembered (instead of
 * killing it with Node's default action) and honoured as soon as the parts are up.
 */
export function trapSignals(): SignalTrap {
  let received: NodeJS.Signals | null = null;
  let onSignal: (() => void) | null = null;
  const handler = (sig: NodeJS.Signals) => {
    if (received) process.exit(130); // a second signal: stop now
    received = sig;
    onSignal?.();
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
  return {
    closeWith: (closers, logger) => new Promise((resolve) => {
      const close = () => {
        logger.info({ signal: received }, 'shutting down');
        void closeAll(closers, logger).then(resolve);
      };
      if (received) close();
      else onSignal = close;
    }),
  };
}
