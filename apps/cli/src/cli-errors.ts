import { CommanderError, InvalidArgumentError } from 'commander';
import type { OutputStream } from './cli-io';

/** An error whose message is one line meant for the user: printed as `podgate: <message>`, exit code 1. */
export class CliError extends Error {
  override readonly name: string = 'CliError';
}

/**
 * Prints a failure and returns the exit code: expected failures as one `podgate: ...` line,
 * anything else (a bug) with its stack. Commander has already printed its own usage errors.
 */
export function reportFailure(error: unknown, stderr: OutputStream): number {
  // An InvalidArgumentError thrown by an action is not printed by commander; one from an argument parser is.
  if (error instanceof CommanderError && !(error instanceof InvalidArgumentError)) return error.exitCode;
  const known = error instanceof CliError || error instanceof InvalidArgumentError;
  stderr.write(`podgate: ${known ? (error as Error).message : ((error as Error)?.stack ?? String(error))}\n`);
  return 1;
}
