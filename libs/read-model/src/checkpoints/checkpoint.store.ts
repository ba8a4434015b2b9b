import type { GlobalPosition } from '@podgate/event-store';
import type { SqlExecutor } from '@podgate/sql';
import { quoteIdentifier } from '@podgate/sql';
import type { Projection } from '../projections/projection';

export interface Checkpoint {
  readonly generation: number;
  readonly position: GlobalPosition;
  readonly eventsApplied: number;
  readonly lastRecordedAt: Date | undefined;
}

interface CheckpointRow {
  generation: number;
  commit_position: string;
  prepare_position: string;
  events_applied: string;
  last_recorded_at: Date | string | null;
}

const COLUMNS = 'generation, commit_position::text, prepare_position::text, events_applied::text, last_recorded_at';

const toCheckpoint = (row: CheckpointRow): Checkpoint => ({
  generation: Number(row.generation),
  position: { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) },
  eventsApplied: Number(row.events_applied),
  lastRecordedAt: row.last_recorded_at === null ? undefined : new Date(row.last_recorded_at),
});

/**
 * The checkpoint row of a projection version, created on first use. A new version starts from the
 * beginning of the log with empty tables: creating its row and emptying the tables is one transaction.
 */
export async function ensureCheckpoint(tx: SqlExecutor, projection: Projection): Promise<Checkpoint> {
  const created = await tx.query<CheckpointRow>(
    `INSERT INTO rm_checkpoints (projection, version) VALUES ($1, $2)
       ON CONFLICT (projection, version) DO NOTHING RETURNING ${COLUMNS}`,
    [projection.name, projection.version],
  );
  if (created.rows.length > 0) {
    await truncateTables(tx, projection);
    return toCheckpoint(created.rows[0]);
  }
  return lockCheckpoint(tx, projection);
}

/** The checkpoint as last committed, without locking; undefined before the projection first ran. */
export async function findCheckpoint(sql: SqlExecutor, projection: Projection): Promise<Checkpoint | undefined> {
  const { rows } = await sql.query<CheckpointRow>(
    `SELECT ${COLUMNS} FROM rm_checkpoints WHERE projection = $1 AND version = $2`,
    [projection.name, projection.version],
  );
  return rows.length === 0 ? undefined : toCheckpoint(rows[0]);
}

/** Reads and row-locks the checkpoint: writers of one projection serialize here. */
export async function lockCheckpoint(tx: SqlExecutor, projection: Projection): Promise<Checkpoint> {
  const { rows } = await tx.query<CheckpointRow>(
    `SELECT ${COLUMNS} FROM rm_checkpoints WHERE projection = $1 AND version = $2 FOR UPDATE`,
    [projection.name, projection.version],
  );
  if (rows.length === 0) throw new Error(`projection ${projection.name} v${projection.version} has no checkpoint`);
  return toCheckpoint(rows[0]);
}

export async function advanceCheckpoint(
  tx: SqlExecutor,
  projection: Projection,
  to: { position: GlobalPosition; applied: number; lastRecordedAt: Date },
): Promise<void> {
  await tx.query(
    `UPDATE rm_checkpoints SET commit_position = $3, prepare_position = $4, events_applied = events_applied + $5,
            last_recorded_at = $6, updated_at = now()
      WHERE projection = $1 AND version = $2`,
    [
      projection.name,
      projection.version,
      to.position.commit.toString(),
      to.position.prepare.toString(),
      to.applied,
      to.lastRecordedAt,
    ],
  );
}

/** Back to the start with empty tables, under a new generation so running runners notice and restart. */
export async function resetCheckpoint(tx: SqlExecutor, projection: Projection): Promise<Checkpoint> {
  await ensureCheckpoint(tx, projection);
  await truncateTables(tx, projection);
  const { rows } = await tx.query<CheckpointRow>(
    `UPDATE rm_checkpoints SET generation = generation + 1, commit_position = 0, prepare_position = 0,
            events_applied = 0, last_recorded_at = NULL, updated_at = now()
      WHERE projection = $1 AND version = $2 RETURNING ${COLUMNS}`,
    [projection.name, projection.version],
  );
  return toCheckpoint(rows[0]);
}

async function truncateTables(tx: SqlExecutor, projection: Projection): Promise<void> {
  if (projection.tables.length === 0) return;
  await tx.query(`TRUNCATE ${projection.tables.map(quoteIdentifier).join(', ')}`);
}
