// Starts the alerting loop of a process from its config (issue 8). Safe in several processes at
// once: the event cursor is taken under a row lock and deliveries are claimed with SKIP LOCKED.
import type { Logger } from 'pino';
import type { Config } from '../../config/env.ts';
import type { Db } from '../../db/client.ts';
import { defaultBackoff } from './backoff.ts';
import { buildNotifiers } from './notifiers/index.ts';
import { startAlertLoop } from './run-alerts.ts';

export function runAlerts(config: Config, db: Db, logger: Logger): { name: string; close: () => Promise<void> } {
  const a = config.alerts;
  const notifiers = buildNotifiers({
    smtp: a.smtpUrl ? { url: a.smtpUrl, from: a.emailFrom } : null,
    botApi: a.botToken ? { baseUrl: a.botApiUrl, token: a.botToken } : null,
  });
  return startAlertLoop(db, {
    now: Date.now, notifiers, logger, backoff: defaultBackoff, tickMs: a.tickS * 1000,
    flap: { windowMs: a.flapWindowS * 1000, threshold: a.flapThreshold },
  }, logger);
}
