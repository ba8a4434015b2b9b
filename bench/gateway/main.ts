import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { startBenchRun } from '../shared/bench-run';
import { databaseUrlOption, log, message, outOption, positive, runMain, waitForLoadOption } from '../shared/cli';
import { writeResults } from '../shared/results-file';
import { checkTargets, type GatewayBenchResults } from './gateway-results';
import { type LoadRun, measureLoad, problemsOf } from './load-run';
import { actionTarget, checkAnswer, createOnPod, routedTargets } from './load-targets';
import { type NginxProxy, startNginx } from './nginx-proxy';
import { issueToken } from './openstack-http';
import { countServerEvents, createServers, type PodgateGateway, preparePodgate, startPodgate } from './podgate-gateway';
import { renderMarkdown } from './report-markdown';
import { type SimulatorSettings, startSimulatedPod } from './simulated-pod';

const LEGS = ['direct', 'nginx', 'podgate', 'actions'] as const;
type Leg = (typeof LEGS)[number];
const SIMULATOR: SimulatorSettings = { buildMs: 50, actionMs: 0 };
const ROUTED_REQUEST = 'GET /compute/v2.1/servers/{id} (one ACTIVE server, no microversion header)';
const ACTION_REQUEST = 'POST /compute/v2.1/servers/{id}/action {"reboot": {"type": "SOFT"}}, one server per connection';

interface Options {
  seconds: number;
  warmup: number;
  connections: number[];
  legs: Leg[];
  databaseUrl?: string;
  logLevel: string;
  podgateEnv: Record<string, string>;
  out: string;
  waitForLoad?: number;
}

const numbers = (value: string) => value.split(',').map(positive);
const legs = (value: string) =>
  value.split(',').map((leg) => {
    if (!(LEGS as readonly string[]).includes(leg)) throw new InvalidArgumentError(`unknown leg ${leg}`);
    return leg as Leg;
  });
const setting = (value: string, previous: Record<string, string>) => {
  const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(value);
  if (!match) throw new InvalidArgumentError('expected KEY=VALUE');
  return { ...previous, [match[1]]: match[2] };
};

/** Everything the benchmark started, stopped in reverse order whatever happens. */
class Started {
  private readonly stops: (() => Promise<void>)[] = [];
  add<T>(what: T, stop: (what: T) => Promise<void>): T {
    this.stops.push(() => stop(what));
    return what;
  }
  async stopAll(): Promise<void> {
    for (const stop of this.stops.reverse()) await stop().catch((error: unknown) => log(`stop failed: ${message(error)}`));
  }
}

async function main(): Promise<void> {
  const options = new Command('bench-gateway')
    .description('Routed GET /servers/{id}: direct to a pod vs Debian nginx vs podgate; server actions/s through podgate')
    .option('--seconds <n>', 'measured seconds per run', positive, 10)
    .option('--warmup <n>', 'warm-up seconds before each run', positive, 2)
    .option('--connections <list>', 'connection counts', numbers, [1, 32])
    .option('--legs <list>', LEGS.join(','), legs, [...LEGS])
    .addOption(databaseUrlOption("PostgreSQL server for podgate's events (database podgate_bench_gateway is recreated)"))
    .option('--log-level <level>', "podgate's LOG_LEVEL (npm start's default: info, one line per request)", 'info')
    .option(
      '--podgate-env <KEY=VALUE>',
      'a podgate setting for this run, e.g. PG_POOL_MAX=32 or PODGATE_RUN_PROJECTIONS=false (repeatable)',
      setting,
      {},
    )
    .addOption(outOption('gateway'))
    .addOption(waitForLoadOption())
    .parse()
    .opts<Options>();
  const benchRun = await startBenchRun(options.waitForLoad, log);
  const dir = mkdtempSync(join(tmpdir(), 'podgate-bench-gateway-'));
  const processes = new Started();
  const failures: string[] = [];
  const routedGet: LoadRun[] = [];
  const actions: LoadRun[] = [];
  let serverEvents: Record<string, number> | null = null;
  let nginx: NginxProxy | undefined;
  let podgate: PodgateGateway | undefined;
  try {
    log(`load average ${benchRun.loadAtStart.join(' ')}; logs in ${dir}`);
    const sim = processes.add(await startSimulatedPod(SIMULATOR, dir), (s) => s.process.stop());
    const admin = await issueToken(sim.authUrl, 'admin', 'admin-secret', 'admin');
    const alice = await issueToken(sim.authUrl, 'alice', 'alice-secret', 'tenant-a');
    if (options.legs.includes('nginx'))
      nginx = processes.add(await startNginx(sim.pod.url, dir), (p) => p.process.stop('SIGQUIT'));

    let serverId: string | undefined;
    let podgateServers: ((names: string[]) => Promise<string[]>) | undefined;
    if (options.legs.includes('podgate') || options.legs.includes('actions')) {
      try {
        if (!options.databaseUrl) throw new Error('--database-url or DATABASE_URL must name the PostgreSQL server');
        log('starting podgate (dist, Keystone mode, PostgreSQL)');
        const gateway = processes.add(
          await startPodgate(sim, options.databaseUrl, { logLevel: options.logLevel, env: options.podgateEnv }, dir),
          (p) => p.process.stop(),
        );
        const fixture = await preparePodgate(gateway, sim, admin, alice);
        const boot = (names: string[]) => createServers(gateway, fixture, alice, names);
        [serverId] = await boot(['bench-get']);
        // Only a gateway that took the pod, the flavor and a server gets measured.
        podgate = gateway;
        podgateServers = boot;
      } catch (error) {
        failures.push(`podgate: ${message(error)}`);
        log(`podgate leg FAILED: ${message(error)}`);
      }
    }
    serverId ??= await createOnPod(sim, alice);

    const targets = routedTargets(sim, nginx, podgate, serverId, alice, options.legs);
    for (const target of targets) {
      const problem = await checkAnswer(target, serverId);
      if (problem) failures.push(problem);
    }
    const runnable = targets.filter((t) => !failures.some((f) => f.startsWith(`${t.label}:`)));
    for (const connections of options.connections) {
      for (const target of runnable) {
        log(`${target.label}, ${connections} connection(s)`);
        const run = await measureLoad(target, connections, { seconds: options.seconds, warmupSeconds: options.warmup });
        log(`  ${run.requestsPerSecond} req/s, p50 ${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms`);
        routedGet.push(run);
      }
    }

    if (options.legs.includes('actions') && podgate && podgateServers) {
      const count = Math.max(...options.connections);
      log(`actions: booting ${count} servers through podgate`);
      const ids = await podgateServers(Array.from({ length: count }, (_, i) => `bench-action-${i}`));
      const target = actionTarget(sim, podgate, ids, alice);
      for (const connections of options.connections) {
        log(`actions, ${connections} connection(s)`);
        const run = await measureLoad(target, connections, { seconds: options.seconds, warmupSeconds: options.warmup });
        log(`  ${run.requestsPerSecond} actions/s, p50 ${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms`);
        actions.push(run);
      }
      serverEvents = await countServerEvents(podgate);
    } else if (options.legs.includes('actions')) {
      failures.push('actions: not run, podgate could not be set up (above)');
    }
  } finally {
    await processes.stopAll();
  }
  for (const run of [...routedGet, ...actions]) {
    const problem = problemsOf(run);
    if (problem) failures.push(problem);
  }

  const results: GatewayBenchResults = {
    ...benchRun.finish(),
    settings: {
      secondsPerRun: options.seconds,
      warmupSeconds: options.warmup,
      connections: options.connections,
      routedRequest: ROUTED_REQUEST,
      actionRequest: ACTION_REQUEST,
      simulator: SIMULATOR,
      nginx: nginx ? { version: nginx.version, workers: nginx.workers } : null,
      podgate: podgate
        ? {
            ...podgate.settings,
            store: 'the PostgreSQL server',
            tokenCacheSeconds: Number(podgate.settings.env.PODGATE_TOKEN_CACHE_SECONDS ?? 300),
          }
        : null,
    },
    routedGet,
    actions,
    serverEvents,
    failures,
    targets: checkTargets(routedGet, actions),
  };
  writeResults(options.out, 'gateway', results, renderMarkdown(results), log);
  for (const failure of failures) log(`FAILED: ${failure}`);
  if (failures.length === 0) rmSync(dir, { recursive: true, force: true });
  else log(`logs kept in ${dir}`);
  process.exitCode = failures.length ? 1 : 0;
}

runMain(main);
