import { comparePositions, type GlobalPosition } from '@podgate/event-store';
import type { SqlExecutor } from '@podgate/sql';
import type { Projection } from '../projections/projection';
import { findCheckpoint } from './checkpoint.store';

/**
 * Read-your-writes for an admin who just changed something: wait (bounded) until the projection's
 * committed checkpoint has passed the position of the events just appended. Works whichever process
 * runs the projection, because it reads the checkpoint row. False on timeout: the read model lags.
 */
export async function waitForCheckpoint(
  sql: SqlExecutor,
  projection: Projection,
  position: GlobalPosition,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
    const checkpoint = await findCheckpoint(sql, projection);
    if (checkpoint && comparePositions(checkpoint.position, position) >= 0) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/** Nest injection token for the read-model database (a SqlClient). */
export const READ_MODEL_SQL = Symbol('READ_MODEL_SQL');
