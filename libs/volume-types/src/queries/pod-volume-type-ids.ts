import type { SqlExecutor } from '@podgate/sql';

/**
 * podgate's type id of each type id one pod gave a podgate type when it was synced
 * (rm_volume_type_pod_sync.pod_type_id): Cinder's `volume_type_id` (3.63+) in a pod's volume is the
 * pod's own id, which users must see as podgate's. Deleted types are kept: their volumes still name them.
 */
export async function gatewayTypeIdsOfPod(sql: SqlExecutor, podId: string): Promise<Map<string, string>> {
  const { rows } = await sql.query<{ type_id: string; pod_type_id: string }>(
    `SELECT type_id, pod_type_id FROM rm_volume_type_pod_sync WHERE pod_id = $1 AND pod_type_id IS NOT NULL`,
    [podId],
  );
  return new Map(rows.map((row) => [row.pod_type_id, row.type_id]));
}

/** podgate's id of the type a pod knows as `podTypeId`; undefined when podgate did not define it there. */
export async function gatewayTypeIdOf(sql: SqlExecutor, podId: string, podTypeId: string): Promise<string | undefined> {
  const { rows } = await sql.query<{ type_id: string }>(
    `SELECT type_id FROM rm_volume_type_pod_sync WHERE pod_id = $1 AND pod_type_id = $2 LIMIT 1`,
    [podId, podTypeId],
  );
  return rows[0]?.type_id;
}
