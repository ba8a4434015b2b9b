import { Command, Option } from 'commander';
import { projectionsRebuild } from './commands/projections-rebuild.command';
import { projectionsStatus } from './commands/projections-status.command';

const formatOption = () => new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table');

/** `podgate`: the admins' and auditors' command line. Reads the same environment as the gateway. */
export function buildCli(): Command {
  const program = new Command('podgate').description('podgate: one OpenStack endpoint in front of many clouds').showHelpAfterError();
  const projections = program.command('projections').description('read models built from the event log');
  projections
    .command('status')
    .description('where each projection stands: checkpoint, events applied, events behind')
    .addOption(formatOption())
    .action((options: { format: 'table' | 'json' }) => projectionsStatus(options.format));
  projections
    .command('rebuild')
    .description('empty a read model and replay the whole log into it (stop the gateway first on the embedded store)')
    .argument('<projection>', 'projection name, e.g. audit-log')
    .action((name: string) => projectionsRebuild(name));
  return program;
}
