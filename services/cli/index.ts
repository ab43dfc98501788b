// The registry of `npx sanjeh` commands: one file per command under ./commands/.
import type { CliCommand } from './command.ts';

export const commands: readonly CliCommand[] = [];
