import { comparePositions, type RecordedEvent } from '@podgate/event-store';
import type { SqlClient } from '@podgate/sql';
import { advanceCheckpoint, type Checkpoint, lockCheckpoint } from '../checkpoints/checkpoint.store';
import type { Projection } from './projection';

/** The projection was rebuilt under this runner: its position is no longer the checkpoint's. */
export class ProjectionRebuiltError extends Error {}

/**
 * Writes one batch and its checkpoint in one transaction. Events at or before the checkpoint are
 * skipped, so redelivery after a crash, or a second runner, never applies an event twice.
 */
export async function applyBatch(
  sql: SqlClient,
  projection: Projection,
  generation: number,
  events: readonly RecordedEvent[],
): Promise<Checkpoint> {
  return sql.transaction(async (tx) => {
    // Safe without waiting for the WAL flush: rows and checkpoint commit together, so a crash can
    // only lose both, and the runner replays from the checkpoint that survived. The event log's
    // own appends keep synchronous commits.
    await tx.query('SET LOCAL synchronous_commit = off');
    const checkpoint = await lockCheckpoint(tx, projection);
    if (checkpoint.generation !== generation) {
      throw new ProjectionRebuiltError(`${projection.name} was rebuilt (generation ${checkpoint.generation})`);
    }
    const fresh = events.filter((event) => comparePositions(event.position, checkpoint.position) > 0);
    if (fresh.length === 0) return checkpoint;
    await projection.apply(tx, fresh);
    const last = fresh[fresh.length - 1];
    await advanceCheckpoint(tx, projection, { position: last.position, applied: fresh.length, lastRecordedAt: last.recordedAt });
    return {
      generation,
      position: last.position,
      eventsApplied: checkpoint.eventsApplied + fresh.length,
      lastRecordedAt: last.recordedAt,
    };
  });
}
