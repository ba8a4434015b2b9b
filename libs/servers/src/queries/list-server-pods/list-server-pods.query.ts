import { Query } from '@nestjs/cqrs';
import { listAllPods, type PodView } from '@podgate/pods';
import type { SqlExecutor } from '@podgate/sql';

/**
 * The pods a server list must ask, in registration order (the merge breaks ties by pod index):
 * every active pod for `projectId` null (all tenants), else the active pods where the tenant has
 * an active binding or routed servers. A pod the tenant never used holds none of its servers,
 * so asking it would only cost time.
 */
export class ListServerPodsQuery extends Query<PodView[]> {
  constructor(readonly projectId: string | null) {
    super();
  }
}

export async function listServerPods(sql: SqlExecutor, projectId: string | null): Promise<PodView[]> {
  const pods = await listAllPods(sql, { status: 'active' });
  if (projectId === null) return pods;
  // Reads the bindings' and routings' tables as their projections define them: one round trip on
  // every server list, where two paged queries through those slices would cost more.
  const { rows } = await sql.query<{ pod_id: string }>(
    `SELECT pod_id::text FROM rm_bindings WHERE project_id = $1 AND ended_at IS NULL
     UNION
     SELECT pod_id FROM rm_routings WHERE project_id = $1 AND resource_type = 'server'`,
    [projectId],
  );
  const used = new Set(rows.map((row) => row.pod_id));
  return pods.filter((pod) => used.has(pod.podId));
}
