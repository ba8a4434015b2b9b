import type { SqlExecutor } from '@podgate/sql';
import type { PodSyncTables } from './pod-sync-tables';

export interface SyncedRecord {
  readonly id: string;
  readonly podId: string;
  readonly generation: number;
  readonly at: string;
}

export interface SyncFailedRecord extends SyncedRecord {
  readonly status?: number;
  readonly message: string;
}

/**
 * Never moves a pod backwards; a success clears a failure of the same or an older generation.
 * `extra`: the subject's own columns, set as recorded (e.g. the pod's id for the resource).
 */
export async function applySyncedToPod(
  tx: SqlExecutor,
  { idColumn, syncTable: t }: PodSyncTables,
  { id, podId, generation, at }: SyncedRecord,
  extra: Readonly<Record<string, unknown>> = {},
): Promise<void> {
  const columns = Object.keys(extra);
  const cleared = (column: string) =>
    `${column} = CASE WHEN ${t}.failed_generation <= EXCLUDED.generation THEN NULL ELSE ${t}.${column} END`;
  await tx.query(
    `INSERT INTO ${t} (${idColumn}, pod_id, generation, synced_at${columns.map((c) => `, ${c}`).join('')})
     VALUES ($1, $2, $3, $4${columns.map((_c, i) => `, $${i + 5}`).join('')})
     ON CONFLICT (${idColumn}, pod_id) DO UPDATE SET
       generation = GREATEST(${t}.generation, EXCLUDED.generation),
       synced_at = EXCLUDED.synced_at,
       ${['failed_generation', 'failure_status', 'failure_message', 'failed_at'].map(cleared).join(',\n       ')}
       ${columns.map((c) => `, ${c} = EXCLUDED.${c}`).join('')}`,
    [id, podId, generation, at, ...Object.values(extra)],
  );
}

/** A pod only tried holds generation 0 (the push may have half-happened: a deletion must visit it). */
export async function applySyncFailed(
  tx: SqlExecutor,
  { idColumn, syncTable: t }: PodSyncTables,
  { id, podId, generation, status, message, at }: SyncFailedRecord,
): Promise<void> {
  await tx.query(
    `INSERT INTO ${t} (${idColumn}, pod_id, generation, failed_generation, failure_status, failure_message, failed_at)
     VALUES ($1, $2, 0, $3, $4, $5, $6)
     ON CONFLICT (${idColumn}, pod_id) DO UPDATE SET failed_generation = EXCLUDED.failed_generation,
       failure_status = EXCLUDED.failure_status, failure_message = EXCLUDED.failure_message, failed_at = EXCLUDED.failed_at`,
    [id, podId, generation, status ?? null, message, at],
  );
}
