import type { SqlExecutor } from '@podgate/sql';
import type { PodSyncStatus } from '../plan/pod-sync.planner';
import type { PodSyncTables } from './pod-sync-tables';

/**
 * What the reconciler plans from: every live resource, and every deleted one some pod may still
 * hold (a pod row below the deletion's generation), with the generation each pod is known to hold.
 */
export async function listSyncStatuses(
  sql: SqlExecutor,
  { table, idColumn, syncTable }: PodSyncTables,
): Promise<PodSyncStatus[]> {
  const { rows } = await sql.query<{ id: string; generation: number; status: string; pods: Record<string, number> }>(
    `SELECT r.${idColumn} AS id, r.generation, r.status,
       COALESCE((SELECT jsonb_object_agg(s.pod_id, s.generation) FROM ${syncTable} s WHERE s.${idColumn} = r.${idColumn}),
         '{}'::jsonb) AS pods
     FROM ${table} r
     WHERE r.status = 'live'
        OR EXISTS (SELECT 1 FROM ${syncTable} s WHERE s.${idColumn} = r.${idColumn} AND s.generation < r.generation)
     ORDER BY r.defined_seq, r.${idColumn}`,
  );
  return rows.map((row) => ({
    id: row.id,
    generation: Number(row.generation),
    deleted: row.status === 'deleted',
    syncedPods: new Map(Object.entries(row.pods).map(([podId, generation]) => [podId, Number(generation)])),
  }));
}

/** One pod's record for a resource, as admins and tests read it. */
export interface PodSyncView {
  readonly podId: string;
  /** The generation the pod is known to hold; 0 when it was only tried. */
  readonly generation: number;
  readonly syncedAt: Date | null;
  /** The last failure not yet overtaken by a success. */
  readonly failure: {
    readonly generation: number;
    readonly status: number | null;
    readonly message: string;
    readonly at: Date;
  } | null;
}

interface PodSyncRow {
  pod_id: string;
  generation: number;
  synced_at: Date | string | null;
  failed_generation: number | null;
  failure_status: number | null;
  failure_message: string | null;
  failed_at: Date | string | null;
}

/** Every pod's record for one resource, by pod id. `extraColumns` come back as they are, in `extra`. */
export async function listPodSync(sql: SqlExecutor, { idColumn, syncTable }: PodSyncTables, id: string): Promise<PodSyncView[]> {
  const { rows } = await sql.query<PodSyncRow>(
    `SELECT pod_id, generation, synced_at, failed_generation, failure_status, failure_message, failed_at
       FROM ${syncTable} WHERE ${idColumn} = $1 ORDER BY pod_id`,
    [id],
  );
  return rows.map((row) => ({
    podId: row.pod_id,
    generation: Number(row.generation),
    syncedAt: row.synced_at === null ? null : new Date(row.synced_at),
    failure:
      row.failed_generation === null || row.failed_at === null
        ? null
        : {
            generation: Number(row.failed_generation),
            status: row.failure_status === null ? null : Number(row.failure_status),
            message: row.failure_message ?? '',
            at: new Date(row.failed_at),
          },
  }));
}
