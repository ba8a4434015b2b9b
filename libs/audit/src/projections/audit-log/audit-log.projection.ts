import { categoryOf, type RecordedEvent } from '@podgate/event-store';
import type { Projection } from '@podgate/read-model';
import type { SqlExecutor } from '@podgate/sql';

/**
 * Every recorded event, flattened for auditors: who (actor), why (request and correlation ids),
 * what (stream, type, data) and when. It answers "what happened" without folding any stream.
 */
export const auditLogProjection: Projection = {
  name: 'audit-log',
  version: 1,
  tables: ['rm_audit_log'],
  migrations: [
    {
      version: 1,
      name: 'audit log',
      sql: `
CREATE TABLE rm_audit_log (
  commit_position   numeric(20) NOT NULL,
  prepare_position  numeric(20) NOT NULL,
  event_id          uuid        NOT NULL,
  stream            text        NOT NULL,
  category          text        NOT NULL,
  revision          bigint      NOT NULL,
  type              text        NOT NULL,
  actor_user_id     text        NOT NULL,
  actor_project_id  text        NOT NULL,
  actor_roles       text[]      NOT NULL,
  request_id        text        NOT NULL,
  global_request_id text,
  correlation_id    text        NOT NULL,
  occurred_at       timestamptz NOT NULL,
  recorded_at       timestamptz NOT NULL,
  data              jsonb       NOT NULL,
  PRIMARY KEY (commit_position, prepare_position)
)
--;
CREATE INDEX rm_audit_log_by_project ON rm_audit_log (actor_project_id, occurred_at)
--;
CREATE INDEX rm_audit_log_by_stream ON rm_audit_log (stream, revision)`,
    },
  ],
  apply: insertAuditRows,
};

const COLUMNS = 16;
/** PostgreSQL takes at most 65,535 parameters a statement. */
const ROWS_PER_INSERT = 1000;

async function insertAuditRows(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += ROWS_PER_INSERT) await insertChunk(tx, events.slice(i, i + ROWS_PER_INSERT));
}

async function insertChunk(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
  const params: unknown[] = [];
  const tuples = events.map((event, index) => {
    const m = event.metadata;
    params.push(
      event.position.commit.toString(), event.position.prepare.toString(), event.id, event.stream,
      categoryOf(event.stream), event.revision.toString(), event.type, m.actor.userId, m.actor.projectId,
      [...m.actor.roles], m.requestId, m.globalRequestId ?? null, m.correlationId, m.occurredAt, event.recordedAt,
      JSON.stringify(event.data),
    );
    const base = index * COLUMNS;
    return `(${Array.from({ length: COLUMNS }, (_, i) => `$${base + i + 1}`).join(', ')})`;
  });
  await tx.query(
    `INSERT INTO rm_audit_log (commit_position, prepare_position, event_id, stream, category, revision, type,
       actor_user_id, actor_project_id, actor_roles, request_id, global_request_id, correlation_id, occurred_at,
       recorded_at, data) VALUES ${tuples.join(', ')}`,
    params,
  );
}
