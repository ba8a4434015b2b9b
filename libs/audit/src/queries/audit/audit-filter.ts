import { InvalidAuditFilterError } from '../../domain/audit.errors';

/** What an auditor can ask for; all given filters must match. */
export interface AuditFilter {
  /** The tenant the event concerns: its data's projectId, else its actor's project (see projectOf). */
  readonly projectId?: string;
  readonly podId?: string;
  /**
   * A resource as `<type>/<id>` (`pod/<podId>`, `server/<serverId>`), split at the first slash since
   * a type (a stream category) never holds one; or a bare id, the id part of any type's stream.
   */
  readonly resourceId?: string;
  readonly type?: string;
  /** Occurred at or after (inclusive). */
  readonly since?: Date | string;
  /** Occurred before (exclusive), so consecutive windows never share an event. */
  readonly until?: Date | string;
  /**
   * Events at or before this position only. An export passes `latestAuditPosition()` to both its
   * count and its stream, so the count it announces is the number of lines it writes.
   */
  readonly through?: string;
}

/** A global position as stored: two numeric(20) parts. */
export type AuditPosition = readonly [commit: string, prepare: string];

export function parseAuditPosition(text: string): AuditPosition | undefined {
  const match = /^(\d{1,20})\/(\d{1,20})$/.exec(text);
  return match ? [match[1], match[2]] : undefined;
}

const EQUALITIES: readonly (readonly ['projectId' | 'podId' | 'type', string])[] = [
  ['projectId', 'project_id'],
  ['podId', 'pod_id'],
  ['type', 'type'],
];

/** SQL conditions for the filter, pushing their values onto `params`. */
export function auditConditions(filter: AuditFilter, params: unknown[]): string[] {
  const where: string[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  for (const [key, column] of EQUALITIES) {
    const value = filter[key];
    if (value !== undefined) where.push(`${column} = ${bind(value)}`);
  }
  if (filter.resourceId !== undefined) {
    const { resourceType, resourceId } = parseResource(filter.resourceId);
    where.push(`resource_id = ${bind(resourceId)}`);
    if (resourceType !== undefined) where.push(`resource_type = ${bind(resourceType)}`);
  }
  if (filter.since !== undefined) where.push(`occurred_at >= ${bind(instant('since', filter.since))}::timestamptz`);
  if (filter.until !== undefined) where.push(`occurred_at < ${bind(instant('until', filter.until))}::timestamptz`);
  if (filter.through !== undefined) {
    const through = parseAuditPosition(filter.through);
    if (!through) throw new InvalidAuditFilterError(`through is not a position: ${filter.through}`);
    where.push(`(commit_position, prepare_position) <= (${bind(through[0])}::numeric, ${bind(through[1])}::numeric)`);
  }
  return where;
}

/** Keyset pagination: strictly after a position, which the primary key (or a filter's index) reads in order. */
export function afterPosition(position: AuditPosition, params: unknown[]): string {
  const commit = `$${params.push(position[0])}::numeric`;
  return `(commit_position, prepare_position) > (${commit}, $${params.push(position[1])}::numeric)`;
}

export const whereClause = (conditions: readonly string[]): string =>
  conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;

function parseResource(value: string): { readonly resourceType?: string; readonly resourceId: string } {
  const slash = value.indexOf('/');
  return slash < 0 ? { resourceId: value } : { resourceType: value.slice(0, slash), resourceId: value.slice(slash + 1) };
}

/**
 * The instant as ISO text PostgreSQL reads. Outside the years 0001-9999 (UTC) it reads none:
 * toISOString writes year 0 as `0000` (SQLSTATE 22008, out of range) and other years as signed
 * six digits (22007); refused here as a bad filter rather than left to become a 500.
 */
function instant(name: string, value: Date | string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidAuditFilterError(`${name} is not a valid time: ${String(value)}`);
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) {
    throw new InvalidAuditFilterError(`${name} must be an instant in the years 0001-9999 (UTC): ${date.toISOString()}`);
  }
  return date.toISOString();
}
