import { Command, InvalidArgumentError } from 'commander';
import { startBenchRun } from '../shared/bench-run';
import { databaseUrlOption, list, log, outOption, positive, runMain, waitForLoadOption } from '../shared/cli';
import { resultsJson, writeResults } from '../shared/results-file';
import { type AppendScenario, measureAppends } from './append-throughput';
import { type AdapterResults, type BenchResults, checkTargets } from './bench-results';
import { type BenchTarget, openPgliteTarget, openPostgresTarget } from './bench-targets';
import { measureCommitFloor } from './commit-floor';
import { measureReadAll } from './read-all-throughput';
import { profiled } from './phase-profiler';
import { measureRebuild } from './rebuild-throughput';
import { renderMarkdown } from './report-markdown';
import { seedEvents } from './seed-events';

const SCENARIOS: readonly AppendScenario[] = [
  { writers: 1, eventsPerAppend: 1 },
  { writers: 1, eventsPerAppend: 10 },
  { writers: 16, eventsPerAppend: 1 },
  { writers: 16, eventsPerAppend: 10 },
];
const READ_PAGE_SIZE = 1000;
const PHASES = ['floor', 'append', 'read', 'rebuild'] as const;
type Phase = (typeof PHASES)[number];

interface Options {
  databaseUrl?: string;
  adapters: string[];
  seconds: number;
  warmup: number;
  events: number;
  out: string;
  only?: Phase[];
  waitForLoad?: number;
  profile?: string;
}

async function main(): Promise<void> {
  const options = new Command('bench-event-store')
    .description('Append, read-all and rebuild throughput of the PostgreSQL event store on PGlite and a PostgreSQL server')
    .addOption(databaseUrlOption('PostgreSQL server (a database podgate_bench is dropped and created on it)'))
    .option('--adapters <list>', 'pglite,postgres', list, ['pglite', 'postgres'])
    .option('--seconds <n>', 'timed seconds per append scenario', positive, 10)
    .option('--warmup <n>', 'warm-up seconds before each append scenario', positive, 2)
    .option('--events <n>', 'least events in the log for read-all and rebuild', positive, 100_000)
    .addOption(outOption('event-store'))
    .option('--only <phases>', `a subset of ${PHASES.join(',')} (for profiling; results are printed, not written)`, list)
    .option('--profile <dir>', 'CPU-profile each phase into <dir>/<adapter>-<phase>.cpuprofile (costs some throughput)')
    .addOption(waitForLoadOption())
    .parse()
    .opts<Options>();

  const benchRun = await startBenchRun(options.waitForLoad, log);
  log(`load average ${benchRun.loadAtStart.join(' ')}`);
  const phases = new Set<Phase>(options.only ?? PHASES);
  const adapters: AdapterResults[] = [];
  for (const adapter of options.adapters) {
    if (adapter !== 'pglite' && adapter !== 'postgres') throw new InvalidArgumentError(`unknown adapter ${adapter}`);
    if (adapter === 'postgres' && !options.databaseUrl)
      throw new Error('--database-url or DATABASE_URL must name the PostgreSQL server');
    const target = adapter === 'pglite' ? await openPgliteTarget() : await openPostgresTarget(options.databaseUrl!);
    try {
      adapters.push(await benchTarget(target, phases, options));
    } finally {
      await target.close();
    }
  }
  const results: BenchResults = {
    ...benchRun.finish(),
    settings: {
      secondsPerAppendScenario: options.seconds,
      warmupSeconds: options.warmup,
      readPageSize: READ_PAGE_SIZE,
      minLogEvents: options.events,
      serverPool: 'one pg connection per writer; the read model a pool of 4',
    },
    targets: checkTargets(adapters),
    adapters,
  };
  if (options.only) {
    process.stdout.write(resultsJson(results));
    return;
  }
  writeResults(options.out, 'event-store', results, renderMarkdown(results), log);
}

async function benchTarget(target: BenchTarget, phases: Set<Phase>, options: Options): Promise<AdapterResults> {
  const results: AdapterResults = { adapter: target.adapter, version: target.version, appends: [] };
  if (phases.has('floor')) {
    log(`${target.adapter}: commit floor`);
    results.commitFloor = await measureCommitFloor(target.readModel, 1.5);
  }
  if (phases.has('append')) {
    for (const scenario of SCENARIOS) {
      log(`${target.adapter}: append, ${scenario.writers} writer(s) x ${scenario.eventsPerAppend} event(s)`);
      const name = `${target.adapter}-append-${scenario.writers}x${scenario.eventsPerAppend}`;
      const timing = { seconds: options.seconds, warmupSeconds: options.warmup };
      const measured = await profiled(options.profile, name, log, () => measureAppends(target, scenario, timing));
      log(
        `  ${measured.eventsPerSecond} events/s, ${measured.appendsPerSecond} appends/s, p50 ${measured.latencyMs.p50} ms, p99 ${measured.latencyMs.p99} ms`,
      );
      results.appends.push(measured);
    }
  }
  if (phases.has('read') || phases.has('rebuild')) {
    log(`${target.adapter}: seeding the log to ${options.events} events`);
    const store = await target.openStore(4);
    results.logEvents = await seedEvents(store, options.events).finally(() => store.close());
  }
  if (phases.has('read')) {
    log(`${target.adapter}: read-all over ${results.logEvents} events`);
    results.readAll = await profiled(options.profile, `${target.adapter}-read-all`, log, () =>
      measureReadAll(target, READ_PAGE_SIZE),
    );
    log(`  ${results.readAll.eventsPerSecond} events/s`);
  }
  if (phases.has('rebuild')) {
    log(`${target.adapter}: rebuild of the audit log over ${results.logEvents} events`);
    const progressBar = process.stdout.isTTY === true && !options.profile;
    results.rebuild = await profiled(options.profile, `${target.adapter}-rebuild`, log, () =>
      measureRebuild(target, { progressBar }),
    );
    log(`  ${results.rebuild.eventsPerSecond} events/s`);
  }
  return results;
}

runMain(main);
