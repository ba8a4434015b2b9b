import type { EventFilter, RecordedEvent } from '@podgate/event-store';
import type { Migration, SqlExecutor } from '@podgate/sql';

/**
 * A read model built from the log. `apply` writes rows for a batch of events inside the runner's
 * transaction, which also moves the checkpoint: rows and checkpoint commit together or not at all.
 * Bump `version` when `apply` changes meaning; the runner then rebuilds from the start.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  readonly filter?: EventFilter;
  /** The `rm_*` tables it owns: emptied on rebuild. */
  readonly tables: readonly string[];
  /** Its schema, applied at start in namespace `projection:<name>`. */
  readonly migrations: readonly Migration[];
  apply(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<void>;
}
