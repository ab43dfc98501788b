// The shape of one `npx sanjeh …` command. Each command lives in its own file under
// services/cli/commands/ and is listed once in services/cli/index.ts.
export type CliCommand = {
  /** Words that select the command, e.g. ['probe', 'tls']. */
  readonly name: readonly string[];
  readonly usage: string;
  readonly summary: string;
  /** Runs with the arguments after the name; resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
};

/** A usage error: printed as one line with the command's usage, exit code 2. */
export class UsageError extends Error {}
