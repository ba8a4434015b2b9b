import type { BenchRun, TargetCheck } from '../shared/bench-run';
import { type LoadRun, problemsOf } from './load-run';

export type RoutedLeg = 'direct' | 'nginx' | 'podgate';

/** The shape of bench/results/gateway.json. */
export interface GatewayBenchResults extends BenchRun {
  readonly settings: {
    readonly secondsPerRun: number;
    readonly warmupSeconds: number;
    readonly connections: readonly number[];
    readonly routedRequest: string;
    readonly actionRequest: string;
    readonly simulator: { readonly buildMs: number; readonly actionMs: number };
    readonly nginx: { readonly version: string; readonly workers: number } | null;
    readonly podgate: {
      readonly logLevel: string;
      /** podgate settings the run changed from their defaults (e.g. PG_POOL_MAX). */
      readonly env: Readonly<Record<string, string>>;
      readonly store: string;
      readonly tokenCacheSeconds: number;
    } | null;
  };
  /** GET /servers/{id} of one server, per leg and connection count. */
  readonly routedGet: readonly LoadRun[];
  /** POST /servers/{id}/action through podgate, each connection on its own server. */
  readonly actions: readonly LoadRun[];
  /** Server events in podgate's store after the actions leg, by type. */
  readonly serverEvents: Record<string, number> | null;
  /** Why a leg has no numbers, or which runs had non-2xx answers; empty when everything ran clean. */
  readonly failures: readonly string[];
  readonly targets: readonly TargetCheck<string>[];
}

export const P50_OVERHEAD_TARGET_MS = 0.3;
export const NGINX_SHARE_TARGET = 0.3;
export const ACTIONS_TARGET = 1500;

const find = (runs: readonly LoadRun[], label: string, connections: number) =>
  runs.find((run) => run.label === label && run.connections === connections && problemsOf(run) === undefined);

/** The brief's three targets, from clean runs only: a leg that did not run, or had a non-2xx answer, is "not measured". */
export function checkTargets(routed: readonly LoadRun[], actionRuns: readonly LoadRun[]): TargetCheck<string>[] {
  const actions = actionRuns.filter((run) => problemsOf(run) === undefined);
  const direct1 = find(routed, 'direct', 1);
  const podgate1 = find(routed, 'podgate', 1);
  const overhead = direct1 && podgate1 ? Number((podgate1.latencyMs.p50 - direct1.latencyMs.p50).toFixed(3)) : undefined;
  const nginx32 = find(routed, 'nginx', 32);
  const podgate32 = find(routed, 'podgate', 32);
  const share = nginx32 && podgate32 ? Number((podgate32.requestsPerSecond / nginx32.requestsPerSecond).toFixed(3)) : undefined;
  const best = actions.length ? Math.max(...actions.map((run) => run.requestsPerSecond)) : undefined;
  return [
    {
      what: 'podgate p50 minus direct p50, GET /servers/{id}, 1 connection (ms)',
      target: `<= ${P50_OVERHEAD_TARGET_MS}`,
      measured: overhead,
      met: overhead !== undefined && overhead <= P50_OVERHEAD_TARGET_MS,
    },
    {
      what: "podgate req/s as a share of nginx's, 32 connections",
      target: `>= ${NGINX_SHARE_TARGET}`,
      measured: share,
      met: share !== undefined && share >= NGINX_SHARE_TARGET,
    },
    {
      what: 'server actions/s through podgate, events on the PostgreSQL server (best connection count)',
      target: `>= ${ACTIONS_TARGET}`,
      measured: best,
      met: best !== undefined && best >= ACTIONS_TARGET,
    },
  ];
}
