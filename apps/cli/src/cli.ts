import { Command, Option } from 'commander';
import { addGlobalOptions } from './admin-client/connection-settings';
import { reportFailure } from './cli-errors';
import { type CliIo, processIo } from './cli-io';
import { registerAuditCommands } from './commands/audit.command';
import { registerBindingsCommands } from './commands/bindings.command';
import { registerPodsCommands } from './commands/pods.command';
import { registerRoutingsCommands } from './commands/routings.command';

const formatOption = () => new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table');

/**
 * `podgate`: the admins' and auditors' command line. `projections` opens the stores itself (same
 * environment as the gateway); the other groups talk to the gateway's admin API with OS_* credentials.
 */
export function buildCli(io: CliIo = processIo()): Command {
  const program = new Command('podgate')
    .description('podgate: one OpenStack endpoint in front of many clouds')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
  addGlobalOptions(program);
  registerPodsCommands(program, io);
  registerBindingsCommands(program, io);
  registerRoutingsCommands(program, io);
  registerAuditCommands(program, io);
  registerProjectionsCommands(program);
  return program;
}

/** Runs one command line (without `node podgate`) and returns the exit code; nothing is thrown. */
export async function runCli(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    await buildCli(io).parseAsync([...args], { from: 'user' });
    return 0;
  } catch (error) {
    return reportFailure(error, io.stderr);
  }
}

function registerProjectionsCommands(program: Command): void {
  const projections = program
    .command('projections')
    .description('read models built from the event log (run where the stores are)');
  projections
    .command('status')
    .description('where each projection stands: checkpoint, events applied, events behind')
    .addOption(formatOption())
    .action(async (options: { format: 'table' | 'json' }) =>
      (await import('./local-commands')).projectionsStatusCommand(options.format),
    );
  projections
    .command('rebuild')
    .description('empty a read model and replay the whole log into it (stop the gateway first on the embedded store)')
    .argument('<projection>', 'projection name, e.g. audit-log')
    .action(async (name: string) => (await import('./local-commands')).projectionsRebuildCommand(name));
}
