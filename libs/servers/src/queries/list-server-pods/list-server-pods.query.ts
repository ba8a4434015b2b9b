import { Query } from '@nestjs/cqrs';
import type { PodView } from '@podgate/pods';
import { listResourcePods } from '@podgate/routed-resources';
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

/** listResourcePods for servers. */
export const listServerPods = (sql: SqlExecutor, projectId: string | null): Promise<PodView[]> =>
  listResourcePods(sql, 'server', projectId);
