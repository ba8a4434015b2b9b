import { DEFAULT_PAGE_SIZE, MarkerNotFoundError, MAX_PAGE_SIZE } from '@podgate/kernel';
import type { SqlExecutor } from '@podgate/sql';
import { InvalidBindingFilterError } from '../../domain/binding.errors';
import { BINDING_COLUMNS, type BindingRow, type BindingView, toBindingView } from './binding.view';

export interface BindingFilter {
  readonly projectId?: string;
  readonly podId?: string;
  readonly azName?: string;
  /** true: not ended; false: ended. */
  readonly active?: boolean;
  /** Bindings valid at this instant: bound_at <= asOf < ended_at (an end is exclusive). */
  readonly asOf?: string | Date;
}

export interface BindingPage extends BindingFilter {
  /** Default 100; clamped to 1..1000. */
  readonly limit?: number;
  /** The binding id of the last binding of the previous page. */
  readonly marker?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The binding, active or ended; undefined for an unknown (or malformed) id. */
export async function findBinding(sql: SqlExecutor, bindingId: string): Promise<BindingView | undefined> {
  if (!UUID.test(bindingId)) return undefined;
  const { rows } = await sql.query<BindingRow>(`SELECT ${BINDING_COLUMNS} FROM rm_bindings WHERE binding_id = $1`, [bindingId]);
  return rows.length === 0 ? undefined : toBindingView(rows[0]);
}

/**
 * One page in (bound_at, binding_id) order, a total order, so walking pages by marker sees each
 * binding once. A full page means there may be another, as in Nova.
 */
export async function listBindings(sql: SqlExecutor, page: BindingPage): Promise<BindingView[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (condition: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(condition(`$${params.length}`));
  };
  if (page.projectId !== undefined) add((p) => `project_id = ${p}`, page.projectId);
  if (page.podId !== undefined) add((p) => (UUID.test(page.podId!) ? `pod_id = ${p}::uuid` : `pod_id::text = ${p}`), page.podId);
  if (page.azName !== undefined) add((p) => `az_name = ${p}`, page.azName);
  if (page.active !== undefined) where.push(page.active ? 'ended_at IS NULL' : 'ended_at IS NOT NULL');
  if (page.asOf !== undefined) {
    add((p) => `bound_at <= ${p}::timestamptz AND (ended_at IS NULL OR ended_at > ${p}::timestamptz)`, isoInstant(page.asOf));
  }
  if (page.marker !== undefined) {
    if (!(await findBinding(sql, page.marker))) throw new MarkerNotFoundError(page.marker);
    add(
      (p) => `(bound_at, binding_id) > (SELECT bound_at, binding_id FROM rm_bindings WHERE binding_id = ${p}::uuid)`,
      page.marker,
    );
  }
  params.push(clampLimit(page.limit));
  const { rows } = await sql.query<BindingRow>(
    `SELECT ${BINDING_COLUMNS} FROM rm_bindings ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY bound_at, binding_id LIMIT $${params.length}`,
    params,
  );
  return rows.map(toBindingView);
}

/** Active bindings on the pod: deregistering it would strand those tenants. */
export async function countActiveBindings(sql: SqlExecutor, podId: string): Promise<number> {
  if (!UUID.test(podId)) return 0;
  const { rows } = await sql.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM rm_bindings WHERE pod_id = $1 AND ended_at IS NULL',
    [podId],
  );
  return Number(rows[0].n);
}

/** Active bindings per pod, for the fewer-bindings weigher; pods without any are absent. */
export async function countActiveBindingsByPod(sql: SqlExecutor, podIds: readonly string[]): Promise<Map<string, number>> {
  const ids = podIds.filter((id) => UUID.test(id));
  if (ids.length === 0) return new Map();
  const { rows } = await sql.query<{ pod_id: string; n: number }>(
    `SELECT pod_id::text, count(*)::int AS n FROM rm_bindings
      WHERE ended_at IS NULL AND pod_id = ANY($1::uuid[]) GROUP BY pod_id`,
    [ids],
  );
  return new Map(rows.map((row) => [row.pod_id, Number(row.n)]));
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return limit === undefined ? DEFAULT_PAGE_SIZE : MAX_PAGE_SIZE;
  return Math.min(Math.max(Math.trunc(limit), 1), MAX_PAGE_SIZE);
}

/**
 * The instant as ISO text PostgreSQL reads. Outside the years 0001-9999 (UTC) it reads none:
 * toISOString writes year 0 as `0000` (SQLSTATE 22008, out of range) and other years as signed
 * six digits (22007); refused here as a bad filter rather than left to become a 500.
 */
function isoInstant(value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidBindingFilterError(`as_of is not an instant: ${String(value)}`);
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) {
    throw new InvalidBindingFilterError(`as_of must be an instant in the years 0001-9999 (UTC): ${date.toISOString()}`);
  }
  return date.toISOString();
}
