import type { BenchRun, TargetCheck } from '../shared/bench-run';
import type { AppendMeasurement } from './append-throughput';
import type { CommitFloor } from './commit-floor';
import type { ReadAllMeasurement } from './read-all-throughput';
import type { RebuildMeasurement } from './rebuild-throughput';

/** Everything one adapter measured; phases left out with --only are absent. */
export interface AdapterResults {
  readonly adapter: 'pglite' | 'postgres';
  readonly version: string;
  commitFloor?: CommitFloor;
  appends: AppendMeasurement[];
  logEvents?: number;
  readAll?: ReadAllMeasurement;
  rebuild?: RebuildMeasurement;
}

/** The shape of bench/results/event-store.json. */
export interface BenchResults extends BenchRun {
  readonly settings: {
    readonly secondsPerAppendScenario: number;
    readonly warmupSeconds: number;
    readonly readPageSize: number;
    readonly minLogEvents: number;
    readonly serverPool: string;
  };
  readonly targets: readonly TargetCheck[];
  readonly adapters: readonly AdapterResults[];
}

export const SERVER_APPEND_TARGET = 5000;
export const SERVER_REBUILD_TARGET = 20_000;

/** The brief's targets, checked on the PostgreSQL server: the best 16-writer scenario, and the rebuild. */
export function checkTargets(adapters: readonly AdapterResults[]): TargetCheck[] {
  const server = adapters.find((a) => a.adapter === 'postgres');
  if (!server) return [];
  const sixteen = server.appends.filter((a) => a.writers === 16).map((a) => a.eventsPerSecond);
  const best = sixteen.length ? Math.max(...sixteen) : undefined;
  const rebuild = server.rebuild?.eventsPerSecond;
  return [
    {
      what: 'appended events/s, 16 writers (best batch size)',
      target: SERVER_APPEND_TARGET,
      measured: best,
      met: (best ?? 0) >= SERVER_APPEND_TARGET,
    },
    {
      what: 'audit-log rebuild events/s',
      target: SERVER_REBUILD_TARGET,
      measured: rebuild,
      met: (rebuild ?? 0) >= SERVER_REBUILD_TARGET,
    },
  ];
}
