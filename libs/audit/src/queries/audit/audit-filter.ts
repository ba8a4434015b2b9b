import { InvalidAuditFilterError } from '../../domain/audit.errors';

/** What an auditor can ask for; all given filters must match. */
export interface AuditFilter {
  /** The tenant the event concerns: its data's projectId, else its actor's project (see projectOf). */
  readonly projectId?: string;
  readonly podId?: string;
  /** The id part of the stream: a pod id, a binding key, a server id. */
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

const EQUALITIES: readonly (readonly ['projectId' | 'podId' | 'resourceId' | 'type', string])[] = [
  ['projectId', 'project_id'],
  ['podId', 'pod_id'],
  ['resourceId', 'resource_id'],
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

function instant(name: string, value: Date | string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidAuditFilterError(`${name} is not a valid time: ${String(value)}`);
  return date.toISOString();
}
