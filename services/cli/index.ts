// The registry of `npx sanjeh` commands: one file per command under ./commands/.
import type { CliCommand } from './command.ts';
import { startCommand } from './commands/start.ts';
import { apiCommand, schedulerCommand, workerCommand } from './commands/processes.ts';
import { migrateCommand } from './commands/migrate.ts';
import { agenciesImportCommand } from './commands/agencies-import.ts';
import { probeUptimeCommand } from './commands/probe-uptime.ts';
import { probeTlsCommand } from './commands/probe-tls.ts';
import { probeSpeedCommand } from './commands/probe-speed.ts';
import { scoreCommand } from './commands/score.ts';
import { keysCreateCommand, keysListCommand, keysRevokeCommand } from './commands/keys.ts';
import { uptimeCommand } from './commands/uptime.ts';
import { alertsRunCommand, alertsSubscribeCommand } from './commands/alerts.ts';

export const commands: readonly CliCommand[] = [
  startCommand,
  apiCommand,
  schedulerCommand,
  workerCommand,
  migrateCommand,
  agenciesImportCommand,
  probeUptimeCommand,
  probeTlsCommand,
  probeSpeedCommand,
  scoreCommand,
  keysCreateCommand,
  keysListCommand,
  keysRevokeCommand,
  uptimeCommand,
  alertsRunCommand, alertsSubscribeCommand,
];
