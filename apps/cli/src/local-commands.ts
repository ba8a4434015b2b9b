// The commands that open the stores in this process. Loaded only when one of them runs, so the
// admin commands start without loading the store drivers.
import { ConfigError } from '@podgate/config';
import { EventStoreUnavailableError } from '@podgate/event-store';
import { DataDirLockedError } from '@podgate/runtime';
import { CliError } from './cli-errors';
import { projectionsRebuild } from './commands/projections-rebuild.command';
import { projectionsStatus } from './commands/projections-status.command';
import type { OutputFormat } from './output';

export const projectionsStatusCommand = (format: OutputFormat): Promise<void> => oneLineErrors(() => projectionsStatus(format));

export const projectionsRebuildCommand = (name: string): Promise<void> => oneLineErrors(() => projectionsRebuild(name));

/** Configuration and store problems are the user's to fix: one line, no stack. */
async function oneLineErrors(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if ([ConfigError, DataDirLockedError, EventStoreUnavailableError].some((type) => error instanceof type)) {
      throw new CliError((error as Error).message);
    }
    throw error;
  }
}
