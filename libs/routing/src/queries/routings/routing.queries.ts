import { MarkerNotFoundError, MAX_PAGE_SIZE } from '@podgate/kernel';
import type { SqlExecutor } from '@podgate/sql';
import { ROUTING_COLUMNS, type RoutingRow, type RoutingView, toRoutingView } from './routing.view';

/** Tricircle's routing filters; all given filters must match. `resourceType` outside the known kinds matches nothing. */
export interface RoutingFilter {
  readonly topId?: string;
  readonly bottomId?: string;
  readonly podId?: string;
  readonly projectId?: string;
  readonly resourceType?: string;
}

export interface RoutingPage extends RoutingFilter {
  /** 1..1000; values outside are clamped. */
  readonly limit: number;
  /** The id of the last routing of the previous page. */
  readonly marker?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const FILTER_COLUMNS: readonly (readonly [keyof RoutingFilter, string])[] = [
  ['topId', 'top_id'],
  ['bottomId', 'bottom_id'],
  ['podId', 'pod_id'],
  ['projectId', 'project_id'],
  ['resourceType', 'resource_type'],
];

export async function findRouting(sql: SqlExecutor, id: string): Promise<RoutingView | undefined> {
  if (!UUID.test(id)) return undefined;
  const { rows } = await sql.query<RoutingRow>(`SELECT ${ROUTING_COLUMNS} FROM rm_routings WHERE id = $1`, [id]);
  return rows.length === 0 ? undefined : toRoutingView(rows[0]);
}

/**
 * One page in (created_at, id) order: a total order, so walking the pages by marker sees every
 * routing that existed throughout exactly once. A full page means there may be another (as Nova).
 */
export async function listRoutings(sql: SqlExecutor, page: RoutingPage): Promise<RoutingView[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  for (const [key, column] of FILTER_COLUMNS) {
    const value = page[key];
    if (value === undefined) continue;
    params.push(value);
    where.push(`${column} = $${params.length}`);
  }
  if (page.marker !== undefined) {
    if (!(await findRouting(sql, page.marker))) throw new MarkerNotFoundError(page.marker);
    params.push(page.marker);
    where.push(`(created_at, id) > (SELECT created_at, id FROM rm_routings WHERE id = $${params.length})`);
  }
  params.push(clampLimit(page.limit));
  const { rows } = await sql.query<RoutingRow>(
    `SELECT ${ROUTING_COLUMNS} FROM rm_routings ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY created_at, id LIMIT $${params.length}`,
    params,
  );
  return rows.map(toRoutingView);
}

/** Resources still routed to the pod: deregistering it would strand them. */
export async function countRoutedResources(sql: SqlExecutor, podId: string): Promise<number> {
  const { rows } = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM rm_routings WHERE pod_id = $1', [podId]);
  return Number(rows[0].n);
}

function clampLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.min(Math.max(Math.trunc(limit), 1), MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
}
