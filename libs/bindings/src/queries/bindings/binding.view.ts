/** One binding as the admin API and CLI show it; times are ISO-8601, `endedAt` null while active. */
export interface BindingView {
  readonly bindingId: string;
  readonly projectId: string;
  readonly azName: string;
  readonly affinityTag: string | null;
  readonly podId: string;
  readonly reason: string;
  readonly active: boolean;
  readonly boundAt: string;
  /** User id of whoever caused the binding (the tenant's first request, or the admin who pinned it). */
  readonly boundBy: string;
  readonly boundRequestId: string;
  readonly endedAt: string | null;
  readonly endReason: string | null;
  readonly endedBy: string | null;
}

const COLUMNS = [
  'binding_id::text',
  'project_id',
  'az_name',
  'affinity_tag',
  'pod_id::text',
  'reason',
  'bound_at',
  'bound_by',
  'bound_request_id',
  'ended_at',
  'end_reason',
  'ended_by',
];

/** The select list for BindingRow, its columns qualified by `alias` when joined. */
export const bindingColumns = (alias?: string): string => COLUMNS.map((c) => (alias ? `${alias}.${c}` : c)).join(', ');

export const BINDING_COLUMNS = bindingColumns();

export interface BindingRow {
  binding_id: string;
  project_id: string;
  az_name: string;
  affinity_tag: string | null;
  pod_id: string;
  reason: string;
  bound_at: Date | string;
  bound_by: string;
  bound_request_id: string;
  ended_at: Date | string | null;
  end_reason: string | null;
  ended_by: string | null;
}

const iso = (value: Date | string): string => new Date(value).toISOString();

export function toBindingView(row: BindingRow): BindingView {
  return {
    bindingId: row.binding_id,
    projectId: row.project_id,
    azName: row.az_name,
    affinityTag: row.affinity_tag,
    podId: row.pod_id,
    reason: row.reason,
    active: row.ended_at === null,
    boundAt: iso(row.bound_at),
    boundBy: row.bound_by,
    boundRequestId: row.bound_request_id,
    endedAt: row.ended_at === null ? null : iso(row.ended_at),
    endReason: row.end_reason,
    endedBy: row.ended_by,
  };
}
