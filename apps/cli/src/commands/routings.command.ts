import { type Command, Option } from 'commander';
import { listAll } from '../admin-client/pagination';
import type { Routing } from '../admin-client/resources';
import type { CliIo } from '../cli-io';
import { ROUTING_COLUMNS } from '../render/columns';
import { addPageOptions, adminAction, adminFormatOption, type FormatOptions } from './admin-command';
import { resolveOptionalPodId } from './resolve-pod';
import { RESOURCE_TYPES, routingListRequest, type RoutingListOptions } from './routings.requests';

export function registerRoutingsCommands(program: Command, io: CliIo): void {
  const routings = program.command('routings').description('where each server, volume, snapshot and backup lives');
  addPageOptions(
    routings
      .command('list')
      .description("list routings: the gateway's id (top) and the pod's id (bottom) of each resource")
      .option('--top-id <id>', 'the id users see')
      .option('--bottom-id <id>', 'the id inside the pod')
      .option('--pod <pod>', 'only resources in this pod (id or name)')
      .option('--project <project_id>', "only this project's resources")
      .addOption(new Option('--resource-type <type>', 'only this kind of resource').choices(RESOURCE_TYPES)),
  )
    .addOption(adminFormatOption())
    .action(
      adminAction<RoutingListOptions & FormatOptions & { pod?: string }, []>(io, async (context) => {
        const podId = await resolveOptionalPodId(context.http, context.options.pod);
        const items = await listAll<Routing>(
          context.http,
          routingListRequest(context.options, podId),
          'routings',
          context.options.limit,
        );
        context.printList(items, ROUTING_COLUMNS);
      }),
    );
}
