import 'reflect-metadata';
import { ConfigError } from '@podgate/config';
import { EventStoreUnavailableError } from '@podgate/event-store';
import { DataDirLockedError } from '@podgate/runtime';
import { InvalidArgumentError } from 'commander';
import { buildCli } from './cli';

buildCli()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    const known = [ConfigError, DataDirLockedError, EventStoreUnavailableError, InvalidArgumentError].some((type) => error instanceof type);
    process.stderr.write(`podgate: ${known ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
    process.exit(1);
  });
