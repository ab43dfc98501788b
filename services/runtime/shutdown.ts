// Clean shutdown on SIGTERM/SIGINT: stop taking work, let held work finish, close connections,
// in the order given (intake first, storage last). A second signal exits at once.
import type { Logger } from 'pino';

export type Closer = { name: string; close: () => Promise<unknown> };

export function closeAll(closers: readonly Closer[], logger: Logger): Promise<void> {
  return closers.reduce(async (prev, c) => {
    await prev;
    try {
      await c.close();
    } catch (err) {
      logger.error({ err, part: c.name }, 'error while closing');
    }
  }, Promise.resolve());
}

export function closeOnSignals(closers: readonly Closer[], logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    let closing = false;
    const onSignal = (sig: NodeJS.Signals) => {
      if (closing) process.exit(130);
      closing = true;
      logger.info({ signal: sig }, 'shutting down');
      void closeAll(closers, logger).then(resolve);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}
