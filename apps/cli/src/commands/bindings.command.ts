import { type Command, Option } from 'commander';
import { listAll } from '../admin-client/pagination';
import type { Binding } from '../admin-client/resources';
import type { CliIo } from '../cli-io';
import { BINDING_COLUMNS } from '../render/columns';
import { addPageOptions, adminAction, adminFormatOption, type FormatOptions } from './admin-command';
import {
  type BindingCreateOptions,
  bindingCreateRequest,
  bindingEndRequest,
  bindingListRequest,
  type BindingListOptions,
} from './bindings.requests';
import { ISO_TIME_HELP, parseIsoTime } from './option-parsers';
import { resolveOptionalPodId, resolvePodId } from './resolve-pod';

export function registerBindingsCommands(program: Command, io: CliIo): void {
  const bindings = program.command('bindings').description('which pod serves each tenant in each availability zone');
  registerBindingsList(bindings, io);
  registerBindingsCreate(bindings, io);
  registerBindingsEnd(bindings, io);
}

function registerBindingsList(bindings: Command, io: CliIo): void {
  addPageOptions(
    bindings
      .command('list')
      .description('list bindings, oldest first')
      .option('--project <project_id>', "only this project's bindings")
      .option('--pod <pod>', 'only bindings to this pod (id or name)')
      .option('--az <az>', 'only this availability zone')
      .addOption(new Option('--active', 'only bindings in force now').conflicts('ended'))
      .addOption(new Option('--ended', 'only bindings that have ended').conflicts('active'))
      .option('--as-of <time>', `the bindings in force at this time (${ISO_TIME_HELP})`, parseIsoTime),
  )
    .addOption(adminFormatOption())
    .action(
      adminAction<BindingListOptions & FormatOptions & { pod?: string }, []>(io, async (context) => {
        const podId = await resolveOptionalPodId(context.http, context.options.pod);
        const items = await listAll<Binding>(
          context.http,
          bindingListRequest(context.options, podId),
          'bindings',
          context.options.limit,
        );
        context.printList(items, BINDING_COLUMNS);
      }),
    );
}

function registerBindingsCreate(bindings: Command, io: CliIo): void {
  bindings
    .command('create')
    .description('pin a tenant to a pod in an availability zone (replaces its active binding there)')
    .requiredOption('--project <project_id>', 'the tenant (Keystone project id)')
    .requiredOption('--az <az>', 'availability zone')
    .requiredOption('--pod <pod>', 'pod id or name')
    .option('--affinity-tag <tag>', 'the affinity tag the tenant asks for')
    .addOption(adminFormatOption())
    .action(
      adminAction<BindingCreateOptions & FormatOptions & { pod: string }, []>(io, async (context) => {
        const podId = await resolvePodId(context.http, context.options.pod);
        context.printOne((await context.http.send<{ binding: Binding }>(bindingCreateRequest(context.options, podId))).binding);
      }),
    );
}

function registerBindingsEnd(bindings: Command, io: CliIo): void {
  bindings
    .command('end')
    .description('end a binding; the tenant is placed again on its next request (the binding stays in history)')
    .argument('<binding_id>', 'binding id')
    .option('--reason <text>', 'why, for the audit log')
    .addOption(adminFormatOption())
    .action(
      adminAction<FormatOptions & { reason?: string }, [string]>(io, async (context, bindingId) => {
        context.printOne(
          (await context.http.send<{ binding: Binding }>(bindingEndRequest(bindingId, context.options.reason))).binding,
        );
      }),
    );
}
