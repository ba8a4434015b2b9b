import autocannon from 'autocannon';
import { type LatencySummary, round, summarize } from '../shared/latency';
import { type CpuShare, type ProcessSet, startCpuShare } from './process-cpu';

/** What one connection sends, in a loop, for the whole run. */
export interface LoadRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** One HTTP target under load: its origin and, per connection, the requests that connection repeats. */
export interface LoadTarget {
  readonly label: string;
  readonly origin: string;
  /** `connection` counts from 0; each connection may get its own requests (one server each, for actions). */
  readonly requestsFor: (connection: number) => LoadRequest[];
  /** The processes whose CPU is reported, by role (`target`, `proxy`, `database`), asked after the warm-up. */
  readonly processes: () => Promise<Readonly<Record<string, ProcessSet | undefined>>>;
}

export interface LoadRun {
  readonly label: string;
  readonly connections: number;
  readonly seconds: number;
  readonly responses: number;
  readonly requestsPerSecond: number;
  /** Per request as autocannon's client saw it, from every sample (autocannon's own histogram has 1 ms resolution). */
  readonly latencyMs: LatencySummary;
  readonly statuses: Record<string, number>;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly cpu: CpuShare;
}

export interface LoadTiming {
  readonly seconds: number;
  readonly warmupSeconds: number;
}

/** A warm-up run (connections opened, caches and JIT warm, results dropped), then the measured run. */
export async function measureLoad(target: LoadTarget, connections: number, timing: LoadTiming): Promise<LoadRun> {
  await runAutocannon(target, connections, timing.warmupSeconds, () => undefined);
  const samples: number[] = [];
  const statuses: Record<string, number> = {};
  const stopCpu = startCpuShare(await target.processes());
  const result = await runAutocannon(target, connections, timing.seconds, (status, ms) => {
    samples.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const cpu = stopCpu();
  return {
    label: target.label,
    connections,
    seconds: result.duration,
    responses: samples.length,
    requestsPerSecond: Math.round(samples.length / result.duration),
    latencyMs: summarize(samples),
    statuses,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    cpu,
  };
}

/** A run is only a number when every answer was a 2xx and nothing failed or timed out. */
export const problemsOf = (run: LoadRun): string | undefined =>
  run.non2xx + run.errors + run.timeouts === 0
    ? undefined
    : `${run.label} at ${run.connections} connection(s): ${run.non2xx} non-2xx (${JSON.stringify(run.statuses)}), ${run.errors} errors, ${run.timeouts} timeouts`;

function runAutocannon(
  target: LoadTarget,
  connections: number,
  seconds: number,
  onResponse: (status: number, ms: number) => void,
): Promise<autocannon.Result> {
  let next = 0;
  const instance = autocannon({
    url: target.origin,
    connections,
    duration: seconds,
    timeout: 30,
    setupClient: (client) => client.setRequests(target.requestsFor(next++)),
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => onResponse(status, round(ms, 4)));
  return Promise.resolve(instance);
}
