import type { RecordedEvent } from '@podgate/event-store';
import type { Projection } from '@podgate/read-model';
import type { SqlExecutor } from '@podgate/sql';
import { ROUTING_EVENT_DEFINITIONS, ROUTING_EVENT_TYPES, routingId } from '../../domain/routing.events';

const [routedDefinition, unroutedDefinition] = ROUTING_EVENT_DEFINITIONS;

/**
 * The routing table as it is now: one row per routed resource and pod. An unrouted resource's row
 * is deleted; its history stays in the log and in rm_audit. Filtered by event type, not category,
 * so it reads routes out of any resource's stream without knowing the resource.
 */
export const routingsProjection: Projection = {
  name: 'routings',
  version: 1,
  filter: { eventTypes: ROUTING_EVENT_TYPES },
  tables: ['rm_routings'],
  migrations: [
    {
      version: 1,
      name: 'routings',
      sql: `
CREATE TABLE rm_routings (
  id            uuid        PRIMARY KEY,
  top_id        text        NOT NULL,
  bottom_id     text        NOT NULL,
  pod_id        text        NOT NULL,
  project_id    text        NOT NULL,
  resource_type text        NOT NULL,
  az_name       text        NOT NULL,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
)
--;
CREATE INDEX rm_routings_by_page ON rm_routings (created_at, id)
--;
CREATE INDEX rm_routings_by_top ON rm_routings (top_id)
--;
CREATE INDEX rm_routings_by_bottom ON rm_routings (bottom_id)
--;
CREATE INDEX rm_routings_by_pod ON rm_routings (pod_id, created_at, id)
--;
CREATE INDEX rm_routings_by_project ON rm_routings (project_id, created_at, id)`,
    },
  ],
  apply: applyRoutingEvents,
};

/** One statement an event, in log order: a route and its removal may share a batch. */
async function applyRoutingEvents(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
  for (const event of events) {
    if (event.type === 'ResourceRouted') await upsertRoute(tx, event);
    else if (event.type === 'ResourceUnrouted') await deleteRoute(tx, event);
  }
}

async function upsertRoute(tx: SqlExecutor, event: RecordedEvent): Promise<void> {
  const data = routedDefinition.parse(event.data);
  await tx.query(
    `INSERT INTO rm_routings (id, top_id, bottom_id, pod_id, project_id, resource_type, az_name, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
     ON CONFLICT (id) DO UPDATE SET bottom_id = EXCLUDED.bottom_id, updated_at = EXCLUDED.updated_at`,
    [
      routingId(data.resourceType, data.topId, data.podId),
      data.topId,
      data.bottomId,
      data.podId,
      data.projectId,
      data.resourceType,
      data.azName,
      event.metadata.occurredAt,
    ],
  );
}

async function deleteRoute(tx: SqlExecutor, event: RecordedEvent): Promise<void> {
  const data = unroutedDefinition.parse(event.data);
  await tx.query('DELETE FROM rm_routings WHERE id = $1', [routingId(data.resourceType, data.topId, data.podId)]);
}
