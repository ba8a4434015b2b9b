import { Query } from '@nestjs/cqrs';
import type { SqlExecutor } from '@podgate/sql';
import { POD_COLUMNS, type PodRow, type PodView, toPodView } from './pod-view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The pod, deregistered ones included; undefined when no pod ever had that id (or it is no UUID). */
export async function findPod(sql: SqlExecutor, podId: string): Promise<PodView | undefined> {
  if (!UUID.test(podId)) return undefined;
  const { rows } = await sql.query<PodRow>(`SELECT ${POD_COLUMNS} FROM rm_pods WHERE pod_id = $1`, [podId]);
  return rows.length === 0 ? undefined : toPodView(rows[0]);
}

export class FindPodQuery extends Query<PodView | undefined> {
  constructor(readonly podId: string) {
    super();
  }
}
