import { MarkerNotFoundError, MAX_PAGE_SIZE } from '@podgate/kernel';
import type { SqlExecutor } from '@podgate/sql';
import { AUDIT_ENTRY_COLUMNS, type AuditEntryView, type AuditRow, toAuditEntryView } from './audit-entry.view';
import {
  afterPosition,
  auditConditions,
  type AuditFilter,
  type AuditPosition,
  parseAuditPosition,
  whereClause,
} from './audit-filter';

export interface AuditPage extends AuditFilter {
  /** 1..1000; values outside are clamped. */
  readonly limit: number;
  /** The position of the last event of the previous page. */
  readonly marker?: string;
}

/** One page in log order. A full page means there may be another (as Nova). */
export async function listAudit(sql: SqlExecutor, page: AuditPage): Promise<AuditEntryView[]> {
  let after: AuditPosition | undefined;
  if (page.marker !== undefined) {
    after = parseAuditPosition(page.marker);
    if (!after || !(await auditedAt(sql, after))) throw new MarkerNotFoundError(page.marker);
  }
  return readAuditPage(sql, page, after, clamp(page.limit, MAX_PAGE_SIZE));
}

export async function countAudit(sql: SqlExecutor, filter: AuditFilter): Promise<number> {
  const params: unknown[] = [];
  const { rows } = await sql.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM rm_audit ${whereClause(auditConditions(filter, params))}`,
    params,
  );
  return Number(rows[0].n);
}

/** The newest audited position ("0/0" while empty): pins an export's count and lines to the same events. */
export async function latestAuditPosition(sql: SqlExecutor): Promise<string> {
  const { rows } = await sql.query<{ position: string }>(
    `SELECT commit_position::text || '/' || prepare_position::text AS position FROM rm_audit
      ORDER BY commit_position DESC, prepare_position DESC LIMIT 1`,
  );
  return rows[0]?.position ?? '0/0';
}

/** Up to `limit` matching events strictly after `after`, in log order. */
export async function readAuditPage(
  sql: SqlExecutor,
  filter: AuditFilter,
  after: AuditPosition | undefined,
  limit: number,
): Promise<AuditEntryView[]> {
  const params: unknown[] = [];
  const conditions = auditConditions(filter, params);
  if (after) conditions.push(afterPosition(after, params));
  const { rows } = await sql.query<AuditRow>(
    `SELECT ${AUDIT_ENTRY_COLUMNS} FROM rm_audit ${whereClause(conditions)}
      ORDER BY commit_position, prepare_position LIMIT $${params.push(limit)}`,
    params,
  );
  return rows.map(toAuditEntryView);
}

async function auditedAt(sql: SqlExecutor, [commit, prepare]: AuditPosition): Promise<boolean> {
  const { rows } = await sql.query(
    'SELECT 1 FROM rm_audit WHERE commit_position = $1::numeric AND prepare_position = $2::numeric',
    [commit, prepare],
  );
  return rows.length > 0;
}

export function clamp(limit: number, max: number): number {
  return Number.isFinite(limit) ? Math.min(Math.max(Math.trunc(limit), 1), max) : max;
}
