import type { EventStore } from '@podgate/event-store';
import type { SqlClient } from '@podgate/sql';
import { resetCheckpoint } from '../checkpoints/checkpoint.store';
import { applyBatch } from './apply-batch';
import { consumeInBatches } from './consume-in-batches';
import type { Projection } from './projection';

export interface RebuildProgress {
  readonly applied: number;
  /** Matching events in the log when the rebuild started. */
  readonly total: number;
}

export interface RebuildResult extends RebuildProgress {
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

/**
 * Empties the projection's tables, resets its checkpoint under a new generation (running runners
 * notice and restart behind it) and replays the log until it has caught up.
 */
export async function rebuildProjection(
  store: EventStore,
  sql: SqlClient,
  projection: Projection,
  options: { batchSize?: number; onProgress?: (progress: RebuildProgress) => void } = {},
): Promise<RebuildResult> {
  const started = process.hrtime.bigint();
  const checkpoint = await sql.transaction((tx) => resetCheckpoint(tx, projection));
  const total = await store.countAll({ filter: projection.filter, maxCount: Number.MAX_SAFE_INTEGER });
  let applied = 0;
  options.onProgress?.({ applied, total });
  await consumeInBatches(store.subscribeToAll({ filter: projection.filter }), {
    batchSize: options.batchSize ?? 5000,
    flushMs: 50,
    onBatch: async (events) => {
      await applyBatch(sql, projection, checkpoint.generation, events);
      applied += events.length;
      options.onProgress?.({ applied, total });
    },
    onCaughtUp: () => 'stop',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { applied, total, seconds, eventsPerSecond: seconds > 0 ? applied / seconds : applied };
}
