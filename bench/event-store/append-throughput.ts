import { randomBytes } from 'node:crypto';
import type { EventStore } from '@podgate/event-store';
import { serverActionEvents } from './bench-events';
import type { BenchTarget, WalCounters } from './bench-targets';
import { type CpuSplit, startCpuSplit } from './cpu-usage';
import { elapsedMs, type LatencySummary, round, summarize } from '../shared/latency';

export interface AppendScenario {
  readonly writers: number;
  readonly eventsPerAppend: number;
}

export interface AppendMeasurement extends AppendScenario {
  readonly seconds: number;
  readonly appends: number;
  readonly events: number;
  readonly appendsPerSecond: number;
  readonly eventsPerSecond: number;
  /** Per append as its caller sees it, queueing for a connection included. */
  readonly latencyMs: LatencySummary;
  readonly cpu: CpuSplit;
  /** PostgreSQL server only: WAL flushes during the run (all databases) and their mean duration. */
  readonly walFlushes?: { readonly perSecond: number; readonly commitsPerFlush: number; readonly meanMs: number };
}

/** Appends to one stream before the writer moves to a fresh one, as an entity's life would. */
const APPENDS_PER_STREAM = 8;

/**
 * Writers loop on their own streams with exact expected revisions ('no_stream' to create, then the
 * revision the last append returned), as command handlers do. A warm-up (JIT, connections, plans)
 * runs first on the same store, then a timed run; only the timed run is counted.
 */
export async function measureAppends(
  target: BenchTarget,
  scenario: AppendScenario,
  timing: { readonly seconds: number; readonly warmupSeconds: number },
): Promise<AppendMeasurement> {
  const store = await target.openStore(scenario.writers);
  const run = randomBytes(3).toString('hex');
  const writers = Array.from({ length: scenario.writers }, (_, w) => new Writer(store, `${run}w${w}`, scenario.eventsPerAppend));
  const latencies: number[] = [];
  let walBefore: WalCounters | undefined;
  let cpu: CpuSplit;
  try {
    await Promise.all(writers.map((writer) => writer.runFor(timing.warmupSeconds, [])));
    walBefore = await target.walCounters();
    const stopCpu = startCpuSplit(target.postmasterPid);
    await Promise.all(writers.map((writer) => writer.runFor(timing.seconds, latencies)));
    cpu = stopCpu(latencies.length * scenario.eventsPerAppend);
  } finally {
    await store.close();
  }
  const appends = latencies.length;
  const events = appends * scenario.eventsPerAppend;
  return {
    ...scenario,
    seconds: round(cpu.wallSeconds),
    appends,
    events,
    appendsPerSecond: Math.round(appends / cpu.wallSeconds),
    eventsPerSecond: Math.round(events / cpu.wallSeconds),
    latencyMs: summarize(latencies),
    cpu,
    walFlushes: await walFlushes(target, walBefore, appends, cpu.wallSeconds),
  };
}

class Writer {
  private streamNo = 0;
  private appendsOnStream = 0;
  private revision: bigint | undefined;
  private seq = 0;

  constructor(
    private readonly store: EventStore,
    private readonly id: string,
    private readonly eventsPerAppend: number,
  ) {}

  async runFor(seconds: number, latencies: number[]): Promise<void> {
    const deadline = Date.now() + seconds * 1000;
    while (Date.now() < deadline) {
      if (this.appendsOnStream === APPENDS_PER_STREAM) this.nextStream();
      const serverId = `${this.id}s${this.streamNo}`;
      const events = serverActionEvents(serverId, this.eventsPerAppend, this.seq++);
      const started = process.hrtime.bigint();
      const result = await this.store.append(`server-${serverId}`, events, this.revision ?? 'no_stream');
      latencies.push(elapsedMs(started));
      this.revision = result.nextRevision;
      this.appendsOnStream++;
    }
  }

  private nextStream(): void {
    this.streamNo++;
    this.appendsOnStream = 0;
    this.revision = undefined;
  }
}

/** Backends report WAL statistics when they exit; the store's pool has just closed, so wait for them. */
async function walFlushes(target: BenchTarget, before: WalCounters | undefined, commits: number, seconds: number) {
  if (!before) return undefined;
  await new Promise((resolve) => setTimeout(resolve, 500));
  const after = await target.walCounters();
  if (!after) return undefined;
  const flushes = after.syncs - before.syncs;
  return {
    perSecond: Math.round(flushes / seconds),
    commitsPerFlush: round(commits / Math.max(flushes, 1)),
    meanMs: round((after.syncMs - before.syncMs) / Math.max(flushes, 1), 3),
  };
}
