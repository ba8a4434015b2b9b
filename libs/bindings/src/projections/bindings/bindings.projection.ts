import type { RecordedEvent } from '@podgate/event-store';
import type { Projection } from '@podgate/read-model';
import type { SqlExecutor } from '@podgate/sql';
import type { BindingEvent } from '../../domain/binding.events';
import { BINDING_CATEGORY } from '../../domain/binding.stream';

/**
 * rm_bindings: every binding with its validity interval [bound_at, ended_at), so "where was this
 * tenant at T" is one range query. rm_binding_keys: per binding stream, the revision applied and the
 * active binding, so SelectPod appends with an exact expected revision without reading the stream.
 */
export const bindingsProjection: Projection = {
  name: 'bindings',
  version: 1,
  filter: { categories: [BINDING_CATEGORY] },
  tables: ['rm_bindings', 'rm_binding_keys'],
  migrations: [
    {
      version: 1,
      name: 'bindings and binding keys',
      sql: `
CREATE TABLE rm_bindings (
  binding_id       uuid        PRIMARY KEY,
  binding_key      text        NOT NULL,
  project_id       text        NOT NULL,
  az_name          text        NOT NULL,
  affinity_tag     text,
  pod_id           uuid        NOT NULL,
  reason           text        NOT NULL,
  bound_at         timestamptz NOT NULL,
  bound_by         text        NOT NULL,
  bound_request_id text        NOT NULL,
  ended_at         timestamptz,
  end_reason       text,
  ended_by         text
)
--;
CREATE INDEX rm_bindings_by_time ON rm_bindings (bound_at, binding_id)
--;
CREATE INDEX rm_bindings_by_project ON rm_bindings (project_id, bound_at)
--;
CREATE INDEX rm_bindings_by_key ON rm_bindings (binding_key)
--;
CREATE INDEX rm_bindings_active_by_pod ON rm_bindings (pod_id) WHERE ended_at IS NULL
--;
CREATE TABLE rm_binding_keys (
  binding_key       text   PRIMARY KEY,
  project_id        text   NOT NULL,
  az_name           text   NOT NULL,
  affinity_tag      text,
  stream_revision   bigint NOT NULL,
  active_binding_id uuid
)`,
    },
  ],
  apply: applyBindingEvents,
};

/** In order, one event at a time: bindings change rarely, and an end must see its own start. */
async function applyBindingEvents(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
  for (const recorded of events) {
    const bindingKey = recorded.stream.slice(BINDING_CATEGORY.length + 1);
    const event = { type: recorded.type, data: recorded.data } as unknown as BindingEvent;
    switch (event.type) {
      case 'TenantBoundToPod':
        await tx.query(
          `INSERT INTO rm_bindings (binding_id, binding_key, project_id, az_name, affinity_tag, pod_id, reason, bound_at,
             bound_by, bound_request_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (binding_id) DO NOTHING`,
          [
            event.data.bindingId,
            bindingKey,
            event.data.projectId,
            event.data.azName,
            event.data.affinityTag,
            event.data.podId,
            event.data.reason,
            event.data.boundAt,
            recorded.metadata.actor.userId,
            recorded.metadata.requestId,
          ],
        );
        await moveKey(tx, bindingKey, recorded, event.data.bindingId);
        break;
      case 'TenantBindingEnded':
        await tx.query(
          `UPDATE rm_bindings SET ended_at = $2, end_reason = $3, ended_by = $4 WHERE binding_id = $1 AND ended_at IS NULL`,
          [event.data.bindingId, event.data.endedAt, event.data.reason, recorded.metadata.actor.userId],
        );
        await moveKey(tx, bindingKey, recorded, null, event.data.bindingId);
        break;
      default:
        unreachable(event);
    }
  }
}

/**
 * Records the stream revision just applied and the active binding after it: `started` becomes
 * active; `ended` stops being active only if it still is. Never moves backwards, so re-applying an
 * old event changes nothing.
 */
async function moveKey(
  tx: SqlExecutor,
  bindingKey: string,
  recorded: RecordedEvent,
  started: string | null,
  ended?: string,
): Promise<void> {
  const { projectId, azName, affinityTag } = recorded.data as unknown as BindingEvent['data'];
  await tx.query(
    `INSERT INTO rm_binding_keys AS k (binding_key, project_id, az_name, affinity_tag, stream_revision, active_binding_id)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (binding_key) DO UPDATE SET
       stream_revision = EXCLUDED.stream_revision,
       active_binding_id = CASE
         WHEN $6::uuid IS NOT NULL THEN $6::uuid
         WHEN k.active_binding_id = $7::uuid THEN NULL
         ELSE k.active_binding_id END
     WHERE k.stream_revision < EXCLUDED.stream_revision`,
    [bindingKey, projectId, azName, affinityTag, recorded.revision.toString(), started, ended ?? null],
  );
}

function unreachable(value: never): never {
  throw new Error(`bindings projection: unexpected event ${JSON.stringify(value)}`);
}
