#!/usr/bin/env node
// CLI of the pod simulator, a TEST DOUBLE of the OpenStack clouds podgate fronts:
//   npm run simulate -- --pods 3 --base-port 20000
import { Command, InvalidArgumentError } from 'commander';
import { readConfigFile } from './config/config-file';
import { describeSimulator } from './console-summary';
import { PodOptions } from './pod/pod-config';
import { stopOnSignals } from './run-until-signal';
import { SimulatorOptions, startSimulator } from './simulator';

const int = (value: string): number => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return parsed;
};

interface CliFlags {
  pods?: number;
  basePort?: number;
  host?: string;
  config?: string;
  seed?: string;
  gatewayUrl?: string;
  tokenTtl?: number;
  buildDelay?: number;
  actionDelay?: number;
  volumeDelay?: number;
  computeMax?: string;
  volumeMax?: string;
  log?: boolean;
}

/** Flags override the config file; the file overrides the built-in defaults. */
export function optionsFrom(flags: CliFlags): SimulatorOptions {
  const file = flags.config ? readConfigFile(flags.config) : {};
  const delays = { ...file.delays };
  if (flags.buildDelay !== undefined) delays.buildMs = flags.buildDelay;
  if (flags.actionDelay !== undefined) delays.actionMs = flags.actionDelay;
  if (flags.volumeDelay !== undefined) delays.volumeMs = flags.volumeDelay;
  let pods: number | PodOptions[] = flags.pods ?? file.pods ?? 2;
  if (flags.computeMax !== undefined || flags.volumeMax !== undefined) {
    const list: PodOptions[] = typeof pods === 'number' ? Array.from({ length: pods }, () => ({})) : pods;
    pods = list.map((p) => ({
      ...p,
      computeMaxVersion: flags.computeMax ?? p.computeMaxVersion,
      volumeMaxVersion: flags.volumeMax ?? p.volumeMaxVersion,
    }));
  }
  return {
    ...file,
    host: flags.host ?? file.host,
    basePort: flags.basePort ?? file.basePort ?? 20000,
    pods,
    gatewayUrl: flags.gatewayUrl ?? file.gatewayUrl,
    tokenTtlSeconds: flags.tokenTtl ?? file.tokenTtlSeconds,
    seed: flags.seed ?? file.seed,
    delays,
    log: flags.log ?? false,
  };
}

async function main(): Promise<void> {
  const program = new Command('pod-simulator')
    .description('Fake OpenStack clouds (Keystone + N pods) for podgate demos and tests. A test double, not OpenStack.')
    .option('--pods <n>', 'number of pods (default 2)', int)
    .option('--base-port <port>', 'Keystone port; pod N listens on base-port + N (default 20000, 0 = ephemeral)', int)
    .option('--host <address>', 'address to bind (default 127.0.0.1)')
    .option('--config <file>', 'JSON config file (see apps/pod-simulator/README.md)')
    .option('--seed <file>', 'JSON identity seed (users, projects, roles)')
    .option('--gateway-url <url>', 'gateway base URL for the RegionOne catalog entries (default http://127.0.0.1:19999)')
    .option('--token-ttl <seconds>', 'token lifetime (default 3600)', int)
    .option('--build-delay <ms>', 'BUILD -> ACTIVE delay (default 1000)', int)
    .option('--action-delay <ms>', 'delay of every other server task (default 300)', int)
    .option('--volume-delay <ms>', 'volume/snapshot/backup transition delay (default 500)', int)
    .option('--compute-max <version>', 'maximum compute microversion of every pod (default 2.96)')
    .option('--volume-max <version>', 'maximum volume microversion of every pod (default 3.71)')
    .option('--log', 'log every request');
  program.parse();
  const sim = await startSimulator(optionsFrom(program.opts<CliFlags>()));
  process.stdout.write(
    `${describeSimulator(sim)}\nready in ${Math.round(process.uptime() * 1000)} ms since process start; Ctrl-C to stop.\n`,
  );
  stopOnSignals(sim, 'pod simulator');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`pod simulator failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
