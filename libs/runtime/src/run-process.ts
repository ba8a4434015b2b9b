import { ConfigError, loadConfig, type PodgateConfig } from '@podgate/config';
import { EventStoreUnavailableError } from '@podgate/event-store';
import type { Logger } from 'pino';
import { DataDirLockedError } from './data-dir-lock';
import { createLogger } from './logger';

/** Problems an operator fixes from one line of text; anything else is a bug and keeps its stack. */
const OPERATOR_ERRORS = [ConfigError, DataDirLockedError, EventStoreUnavailableError];

/** Loads and validates the configuration, then starts a podgate process; returns its exit code. */
export async function runProcess(
  name: string,
  environment: NodeJS.ProcessEnv,
  start: (config: PodgateConfig, logger: Logger) => Promise<void>,
): Promise<number> {
  try {
    const config = loadConfig(environment);
    await start(config, createLogger(config.logLevel, name));
    return 0;
  } catch (error) {
    if (OPERATOR_ERRORS.some((type) => error instanceof type)) {
      process.stderr.write(`podgate: cannot start: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}

/** For main.ts: exit with the code, or print the bug and exit 1. */
export function exitWith(run: Promise<number>): void {
  run.then(
    (code) => {
      if (code !== 0) process.exit(code);
    },
    (error: unknown) => {
      process.stderr.write(`podgate: cannot start: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
