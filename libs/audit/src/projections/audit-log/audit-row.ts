import { categoryOf, type JsonValue, type RecordedEvent } from '@podgate/event-store';

export type AuditOutcome = 'requested' | 'failed' | 'succeeded';

/** By naming convention: `*Requested` opens an operation, `*Failed` closes it badly, every other fact stands. */
export function outcomeOf(type: string): AuditOutcome {
  if (type.endsWith('Requested')) return 'requested';
  if (type.endsWith('Failed')) return 'failed';
  return 'succeeded';
}

/** `server-<id>` -> server, <id>. The id may itself contain dashes (uuids); it is empty for a stream without one. */
export function resourceOf(stream: string): { readonly resourceType: string; readonly resourceId: string } {
  const resourceType = categoryOf(stream);
  return { resourceType, resourceId: stream.slice(resourceType.length + 1) };
}

const field = (data: JsonValue, name: string): string | null => {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const value = data[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
};

/**
 * The tenant an event concerns: the project named in its data (a binding's, a route's), else the
 * actor's. So an admin pinning tenant-a's binding is listed under tenant-a, where tenant-a's
 * auditor looks, rather than under the admin project; the actor's project stays in its own column.
 */
export const projectOf = (event: Pick<RecordedEvent, 'data' | 'metadata'>): string =>
  field(event.data, 'projectId') ?? event.metadata.actor.projectId;

export const podOf = (event: Pick<RecordedEvent, 'data'>): string | null => field(event.data, 'podId');

/** One row in the order of the INSERT's columns (audit-log.projection.ts); bigints travel as strings so no precision is lost. */
export function auditRow(event: RecordedEvent): JsonValue[] {
  const m = event.metadata;
  const { resourceType, resourceId } = resourceOf(event.stream);
  return [
    event.position.commit.toString(),
    event.position.prepare.toString(),
    event.id,
    event.stream,
    resourceType,
    resourceId,
    event.revision.toString(),
    event.type,
    outcomeOf(event.type),
    podOf(event),
    projectOf(event),
    m.actor.userId,
    m.actor.projectId,
    [...m.actor.roles],
    m.requestId,
    m.globalRequestId ?? null,
    m.correlationId,
    m.occurredAt,
    event.recordedAt.toISOString(),
    event.data,
  ];
}
