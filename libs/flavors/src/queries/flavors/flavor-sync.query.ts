import type { SqlExecutor } from '@podgate/sql';
import type { FlavorSyncStatus } from '../../domain/flavor-sync.planner';

/**
 * What the reconciler plans from: every live flavor, and every deleted one some pod may still hold
 * (a pod row below the deletion's generation), with the generation each pod is known to hold.
 */
export async function listFlavorSyncStatuses(sql: SqlExecutor): Promise<FlavorSyncStatus[]> {
  const { rows } = await sql.query<{ flavor_id: string; generation: number; status: string; pods: Record<string, number> }>(
    `SELECT f.flavor_id, f.generation, f.status,
       COALESCE((SELECT jsonb_object_agg(s.pod_id, s.generation) FROM rm_flavor_pod_sync s WHERE s.flavor_id = f.flavor_id),
         '{}'::jsonb) AS pods
     FROM rm_flavors f
     WHERE f.status = 'live'
        OR EXISTS (SELECT 1 FROM rm_flavor_pod_sync s WHERE s.flavor_id = f.flavor_id AND s.generation < f.generation)
     ORDER BY f.defined_seq, f.flavor_id`,
  );
  return rows.map((row) => ({
    flavorId: row.flavor_id,
    generation: Number(row.generation),
    deleted: row.status === 'deleted',
    syncedPods: new Map(Object.entries(row.pods).map(([podId, generation]) => [podId, Number(generation)])),
  }));
}

/** One pod's record for a flavor, as admins and tests read it. */
export interface FlavorPodSyncView {
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

export async function listFlavorPodSync(sql: SqlExecutor, flavorId: string): Promise<FlavorPodSyncView[]> {
  const { rows } = await sql.query<PodSyncRow>(
    `SELECT pod_id, generation, synced_at, failed_generation, failure_status, failure_message, failed_at
       FROM rm_flavor_pod_sync WHERE flavor_id = $1 ORDER BY pod_id`,
    [flavorId],
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
