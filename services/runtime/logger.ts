import { pino, type Logger } from 'pino';
import type { Config } from '../../config/env.ts';

export function createLogger(config: Pick<Config, 'logLevel'>, name: string): Logger {
  return pino({ name, level: config.logLevel });
}
