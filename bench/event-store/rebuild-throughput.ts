import { SingleBar } from 'cli-progress';
import { auditLogProjection } from '@podgate/audit';
import { migrateReadModel, type Projection, rebuildProjection } from '@podgate/read-model';
import type { SqlClient } from '@podgate/sql';
import type { BenchTarget } from './bench-targets';
import { type CpuSplit, startCpuSplit } from './cpu-usage';
import { elapsedMs, round } from '../shared/latency';

export interface RebuildMeasurement {
  readonly projection: string;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /**
   * Where the rebuild's wall time went: the projection's inserts, the rest of each batch
   * transaction (checkpoint lock and advance, BEGIN/COMMIT), and everything else, which is mostly
   * waiting for the subscription's next page (reads run ahead only while a batch is not writing).
   */
  readonly split: { readonly projectionApply: number; readonly checkpointAndCommit: number; readonly readingAndOther: number };
  readonly cpu: CpuSplit;
}

/** Rebuilds the real audit-log projection (truncate, then replay the whole log in batches). */
export async function measureRebuild(
  target: BenchTarget,
  options: { readonly progressBar: boolean },
): Promise<RebuildMeasurement> {
  const store = await target.openStore(1);
  const clock = { applyMs: 0, transactionMs: 0 };
  const projection: Projection = {
    ...auditLogProjection,
    apply: async (tx, events) => {
      const started = process.hrtime.bigint();
      await auditLogProjection.apply(tx, events);
      clock.applyMs += elapsedMs(started);
    },
  };
  const bar = options.progressBar
    ? new SingleBar({ format: `  rebuild ${target.adapter} [{bar}] {value}/{total} events  {eta}s left`, hideCursor: true })
    : undefined;
  let result;
  let cpu: CpuSplit;
  try {
    await migrateReadModel(target.readModel, [projection]);
    const stopCpu = startCpuSplit(target.postmasterPid);
    result = await rebuildProjection(store, timedTransactions(target.readModel, clock), projection, {
      onProgress: ({ applied, total }) => {
        if (applied === 0) bar?.start(total, 0);
        else bar?.update(applied);
      },
    });
    cpu = stopCpu(result.applied);
  } finally {
    bar?.stop();
    await store.close();
  }
  const wallMs = cpu.wallSeconds * 1000;
  return {
    projection: `${auditLogProjection.name} v${auditLogProjection.version}`,
    events: result.applied,
    seconds: round(result.seconds),
    eventsPerSecond: Math.round(result.eventsPerSecond),
    split: {
      projectionApply: round(clock.applyMs / wallMs),
      checkpointAndCommit: round((clock.transactionMs - clock.applyMs) / wallMs),
      readingAndOther: round(1 - clock.transactionMs / wallMs),
    },
    cpu,
  };
}

/** The read model's client, with the time spent inside transactions added to `clock`. */
function timedTransactions(sql: SqlClient, clock: { transactionMs: number }): SqlClient {
  return {
    kind: sql.kind,
    query: (text, params) => sql.query(text, params),
    exec: (script) => sql.exec(script),
    listen: (channel, onNotify) => sql.listen(channel, onNotify),
    close: () => sql.close(),
    transaction: async (work) => {
      const started = process.hrtime.bigint();
      try {
        return await sql.transaction(work);
      } finally {
        clock.transactionMs += elapsedMs(started);
      }
    },
  };
}
