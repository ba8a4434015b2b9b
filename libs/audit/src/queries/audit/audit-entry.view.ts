import type { JsonValue } from '@podgate/event-store';
import type { AuditOutcome } from '../../projections/audit-log/audit-row';

/** One audited event as the admin API, its JSONL export and the CLI show it; times are ISO-8601. */
export interface AuditEntryView {
  /** The event's global position, "commit/prepare": the audit order, and the marker for the next page. */
  readonly position: string;
  readonly eventId: string;
  readonly type: string;
  readonly stream: string;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly podId: string | null;
  readonly outcome: AuditOutcome;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: { readonly userId: string; readonly projectId: string; readonly roles: readonly string[] };
  readonly requestId: string;
  readonly globalRequestId: string | null;
  readonly data: JsonValue;
}

export interface AuditRow {
  position: string;
  event_id: string;
  type: string;
  stream: string;
  resource_type: string;
  resource_id: string;
  pod_id: string | null;
  outcome: AuditOutcome;
  occurred_at: Date | string;
  recorded_at: Date | string;
  actor_user_id: string;
  actor_project_id: string;
  actor_roles: string[];
  request_id: string;
  global_request_id: string | null;
  data: JsonValue;
}

export const AUDIT_ENTRY_COLUMNS = `commit_position::text || '/' || prepare_position::text AS position, event_id::text,
  type, stream, resource_type, resource_id, pod_id, outcome, occurred_at, recorded_at, actor_user_id, actor_project_id,
  actor_roles, request_id, global_request_id, data`;

export const toAuditEntryView = (row: AuditRow): AuditEntryView => ({
  position: row.position,
  eventId: row.event_id,
  type: row.type,
  stream: row.stream,
  resourceType: row.resource_type,
  resourceId: row.resource_id,
  podId: row.pod_id,
  outcome: row.outcome,
  occurredAt: new Date(row.occurred_at).toISOString(),
  recordedAt: new Date(row.recorded_at).toISOString(),
  actor: { userId: row.actor_user_id, projectId: row.actor_project_id, roles: row.actor_roles },
  requestId: row.request_id,
  globalRequestId: row.global_request_id,
  data: row.data,
});
