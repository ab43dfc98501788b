// Entry point of `npx sanjeh <command>` and the npm scripts. Picks the command whose name
// matches the most leading words and runs it; everything else lives in the command modules.
import { commands } from './cli/index.ts';
import { UsageError, type CliCommand } from './cli/command.ts';
import { ConfigError } from '../config/env.ts';

function findCommand(argv: string[]): CliCommand | undefined {
  return [...commands]
    .sort((a, b) => b.name.length - a.name.length)
    .find((c) => c.name.every((w, i) => argv[i] === w));
}

function help(): string {
  const rows = commands.map((c) => `  sanjeh ${c.usage.padEnd(58)} ${c.summary}`);
  return ['Sanjeh (سنجه): e-government portal monitoring', '', 'Usage:', ...rows].join('\n');
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    console.log(help());
    return argv.length === 0 ? 2 : 0;
  }
  const command = findCommand(argv);
  if (!command) {
    console.error(`unknown command: ${argv.join(' ')}\n\n${help()}`);
    return 2;
  }
  try {
    return await command.run(argv.slice(command.name.length));
  } catch (err) {
    // node:util parseArgs errors (unknown flag, missing value) are usage errors too.
    const parseArgsError = typeof (err as { code?: unknown })?.code === 'string' && (err as { code: string }).code.startsWith('ERR_PARSE_ARGS_');
    if (err instanceof UsageError || parseArgsError) {
      console.error(`${(err as Error).message}\nusage: sanjeh ${command.usage}`);
      return 2;
    }
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 78;
    }
    throw err;
  }
}

process.exitCode = await main(process.argv.slice(2));
