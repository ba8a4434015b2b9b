import { listAllPods, type PodView } from '@podgate/pods';
import type { RoutedResourceType } from '@podgate/routing';
import type { SqlExecutor } from '@podgate/sql';

/**
 * The pods a list of `resourceType` must ask, in registration order (the merge breaks ties by pod
 * index): every active pod for `projectId` null (all tenants), else the active pods where the tenant
 * has an active binding or routed resources of that type. A pod the tenant never used holds none of
 * them, so asking it would only cost time.
 */
export async function listResourcePods(
  sql: SqlExecutor,
  resourceType: RoutedResourceType,
  projectId: string | null,
): Promise<PodView[]> {
  const pods = await listAllPods(sql, { status: 'active' });
  if (projectId === null) return pods;
  // Reads the bindings' and routings' tables as their projections define them: one round trip on
  // every list, where two paged queries through those slices would cost more.
  const { rows } = await sql.query<{ pod_id: string }>(
    `SELECT pod_id::text FROM rm_bindings WHERE project_id = $1 AND ended_at IS NULL
     UNION
     SELECT pod_id FROM rm_routings WHERE project_id = $1 AND resource_type = $2`,
    [projectId, resourceType],
  );
  const used = new Set(rows.map((row) => row.pod_id));
  return pods.filter((pod) => used.has(pod.podId));
}
