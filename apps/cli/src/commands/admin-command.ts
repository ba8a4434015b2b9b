import { type Command, Option } from 'commander';
import type { AdminHttp } from '../admin-client/admin-http';
import { connect } from '../admin-client/connect';
import { type GlobalOptions, resolveConnection } from '../admin-client/connection-settings';
import { CliError } from '../cli-errors';
import type { CliIo } from '../cli-io';
import { ADMIN_FORMATS, type AdminFormat, type Column, renderList, renderOne } from '../render/render';
import { parsePositiveInt } from './option-parsers';

/** What an admin command's action gets: a connected client, its options, and printers. */
export interface AdminContext<O> {
  readonly http: AdminHttp;
  readonly io: CliIo;
  readonly options: O;
  printList<T>(items: readonly T[], columns: readonly Column<T>[]): void;
  printOne(item: object): void;
}

export interface FormatOptions {
  readonly format: AdminFormat;
}

export interface PageOptions {
  readonly limit?: number;
  readonly marker?: string;
}

export const adminFormatOption = (): Option =>
  new Option('-f, --format <format>', 'output format').choices(ADMIN_FORMATS).default('table' satisfies AdminFormat);

export function addPageOptions(command: Command): Command {
  return command
    .option('--limit <n>', 'at most this many items (default: all, following the next-page links)', parsePositiveInt)
    .option('--marker <id>', 'start after this item (the last id of a previous page)');
}

/**
 * A commander action that connects first (so `--help` and argument errors never authenticate),
 * then runs `run` with the positional arguments.
 */
export function adminAction<O extends FormatOptions, A extends unknown[]>(
  io: CliIo,
  run: (context: AdminContext<O>, ...args: A) => Promise<void>,
): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const settings = resolveConnection(command.optsWithGlobals<GlobalOptions>(), io.env);
    const http = await connect(settings, settings.debug ? (line) => io.stderr.write(`${line}\n`) : undefined);
    const options = command.opts<O>();
    const context: AdminContext<O> = {
      http,
      io,
      options,
      printList: (items, columns) => io.stdout.write(renderList(items, columns, options.format)),
      printOne: (item) => {
        if (item === null || typeof item !== 'object') throw new CliError(`${http.service} answered without the expected object`);
        io.stdout.write(renderOne(item, options.format));
      },
    };
    await run(context, ...(args.slice(0, -2) as A));
  };
}
