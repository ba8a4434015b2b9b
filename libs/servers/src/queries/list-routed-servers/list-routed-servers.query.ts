import { Query } from '@nestjs/cqrs';
import type { SqlExecutor } from '@podgate/sql';

/** A server podgate routed to a pod, as far as podgate knows it without asking the pod. */
export interface RoutedServer {
  readonly serverId: string;
  readonly projectId: string;
  readonly podId: string;
  /** The user-visible AZ. */
  readonly azName: string;
  /** When the route was recorded (the create's instant), ISO-8601. */
  readonly createdAt: string;
}

/** A page of a server list never holds more (Nova's `max_limit`): the most a list can ask for. */
export const MAX_ROUTED_SERVERS = 1000;

/**
 * The servers routed to `podIds`, newest first (Nova's default order), for the UNKNOWN entries a
 * list answers (2.69+) for pods that did not answer. `projectId` null: every tenant's. At most
 * `limit` (1 to 1,000; default 1,000) rows are read: a down pod may hold a million servers.
 */
export class ListRoutedServersQuery extends Query<RoutedServer[]> {
  constructor(
    readonly projectId: string | null,
    readonly podIds: readonly string[],
    readonly limit: number = MAX_ROUTED_SERVERS,
  ) {
    super();
  }
}

export async function listRoutedServers(
  sql: SqlExecutor,
  projectId: string | null,
  podIds: readonly string[],
  limit: number = MAX_ROUTED_SERVERS,
): Promise<RoutedServer[]> {
  const capped = Number.isFinite(limit) ? Math.min(MAX_ROUTED_SERVERS, Math.max(0, Math.floor(limit))) : MAX_ROUTED_SERVERS;
  if (podIds.length === 0 || capped === 0) return [];
  const { rows } = await sql.query<{
    top_id: string;
    project_id: string;
    pod_id: string;
    az_name: string;
    created_at: Date | string;
  }>(
    `SELECT top_id, project_id, pod_id, az_name, created_at FROM rm_routings
      WHERE resource_type = 'server' AND pod_id = ANY($1::text[]) AND ($2::text IS NULL OR project_id = $2)
      ORDER BY created_at DESC, top_id DESC
      LIMIT $3`,
    [[...podIds], projectId, capped],
  );
  return rows.map((row) => ({
    serverId: row.top_id,
    projectId: row.project_id,
    podId: row.pod_id,
    azName: row.az_name,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}
