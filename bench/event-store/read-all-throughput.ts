import type { GlobalPosition } from '@podgate/event-store';
import type { BenchTarget } from './bench-targets';
import { type CpuSplit, startCpuSplit } from './cpu-usage';
import { elapsedMs, type LatencySummary, round, summarize } from '../shared/latency';

export interface ReadAllMeasurement {
  readonly pageSize: number;
  readonly events: number;
  readonly pages: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly pageLatencyMs: LatencySummary;
  readonly cpu: CpuSplit;
}

/** Pages through the whole log from the start with readAll, as a catch-up subscription does. */
export async function measureReadAll(target: BenchTarget, pageSize: number): Promise<ReadAllMeasurement> {
  const store = await target.openStore(1);
  const pageLatencies: number[] = [];
  let events = 0;
  let cpu: CpuSplit;
  try {
    await store.readAll({ maxCount: pageSize }); // warm the plan and the connection
    const stopCpu = startCpuSplit(target.postmasterPid);
    let fromPosition: GlobalPosition | undefined;
    for (;;) {
      const started = process.hrtime.bigint();
      const page = await store.readAll({ fromPosition, maxCount: pageSize });
      pageLatencies.push(elapsedMs(started));
      events += page.length;
      if (page.length < pageSize) break;
      fromPosition = page[page.length - 1].position;
    }
    cpu = stopCpu(events);
  } finally {
    await store.close();
  }
  return {
    pageSize,
    events,
    pages: pageLatencies.length,
    seconds: round(cpu.wallSeconds),
    eventsPerSecond: Math.round(events / cpu.wallSeconds),
    pageLatencyMs: summarize(pageLatencies),
    cpu,
  };
}
