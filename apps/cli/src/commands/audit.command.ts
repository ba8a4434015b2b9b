import type { Command } from 'commander';
import { listAll } from '../admin-client/pagination';
import type { AuditEvent } from '../admin-client/resources';
import type { CliIo } from '../cli-io';
import { AUDIT_COLUMNS } from '../render/columns';
import { addPageOptions, adminAction, adminFormatOption, type FormatOptions, type PageOptions } from './admin-command';
import { exportAudit } from './audit-export';
import { auditExportRequest, type AuditFilterOptions, auditListRequest } from './audit.requests';
import { ISO_TIME_HELP, parseIsoTime } from './option-parsers';
import { resolveOptionalPodId } from './resolve-pod';

type FilterOptions = AuditFilterOptions & { pod?: string };

function addFilterOptions(command: Command): Command {
  return command
    .option('--project <project_id>', "only events of this project's resources or callers")
    .option('--pod <pod>', 'only events about this pod (id or name)')
    .option('--resource <resource_id>', 'only events of this resource, as <type>/<id> (e.g. pod/<id>) or the bare id')
    .option('--type <event_type>', 'only events of this type, e.g. PodRegistered')
    .option('--since <time>', `events at or after this time (${ISO_TIME_HELP})`, parseIsoTime)
    .option('--until <time>', `events before this time (${ISO_TIME_HELP})`, parseIsoTime);
}

export function registerAuditCommands(program: Command, io: CliIo): void {
  const audit = program.command('audit').description('the history of every change and forwarded action');

  addPageOptions(addFilterOptions(audit.command('list').description('list events in log order (use export for large ranges)')))
    .addOption(adminFormatOption())
    .action(
      adminAction<FilterOptions & PageOptions & FormatOptions, []>(io, async (context) => {
        const podId = await resolveOptionalPodId(context.http, context.options.pod);
        const events = await listAll<AuditEvent>(
          context.http,
          auditListRequest(context.options, podId),
          'events',
          context.options.limit,
        );
        context.printList(events, AUDIT_COLUMNS);
      }),
    );

  addFilterOptions(audit.command('export').description('write matching events as JSON lines (NDJSON), streamed'))
    .option('-o, --output <file>', 'write to this file (default: stdout) and show a progress bar')
    .action(
      adminAction<FilterOptions & FormatOptions & { output?: string }, []>(io, async (context) => {
        const podId = await resolveOptionalPodId(context.http, context.options.pod);
        const file = context.options.output;
        const lines = await exportAudit(context.http, auditExportRequest(context.options, podId), io, file);
        if (file !== undefined) io.stdout.write(`exported ${lines} events to ${file}\n`);
      }),
    );
}
