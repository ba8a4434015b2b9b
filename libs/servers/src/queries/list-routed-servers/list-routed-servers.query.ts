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

/**
 * The servers routed to `podIds`, newest first (Nova's default order), for the UNKNOWN entries a
 * list answers (2.69+) for pods that did not answer. `projectId` null: every tenant's.
 */
export class ListRoutedServersQuery extends Query<RoutedServer[]> {
  constructor(
    readonly projectId: string | null,
    readonly podIds: readonly string[],
  ) {
    super();
  }
}

export async function listRoutedServers(
  sql: SqlExecutor,
  projectId: string | null,
  podIds: readonly string[],
): Promise<RoutedServer[]> {
  if (podIds.length === 0) return [];
  const { rows } = await sql.query<{
    top_id: string;
    project_id: string;
    pod_id: string;
    az_name: string;
    created_at: Date | string;
  }>(
    `SELECT top_id, project_id, pod_id, az_name, created_at FROM rm_routings
      WHERE resource_type = 'server' AND pod_id = ANY($1::text[]) AND ($2::text IS NULL OR project_id = $2)
      ORDER BY created_at DESC, top_id DESC`,
    [[...podIds], projectId],
  );
  return rows.map((row) => ({
    serverId: row.top_id,
    projectId: row.project_id,
    podId: row.pod_id,
    azName: row.az_name,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}
