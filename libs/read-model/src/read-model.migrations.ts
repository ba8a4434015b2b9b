import { migrate, type SqlClient } from '@podgate/sql';
import { CHECKPOINT_MIGRATIONS } from './checkpoints/checkpoints.schema';
import type { Projection } from './projections/projection';

/** The read side's schema: the checkpoint table, then each projection's own tables. */
export async function migrateReadModel(sql: SqlClient, projections: readonly Projection[]): Promise<void> {
  await migrate(sql, 'read-model', CHECKPOINT_MIGRATIONS);
  for (const projection of projections) await migrate(sql, `projection:${projection.name}`, projection.migrations);
}
