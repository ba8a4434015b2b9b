import type { Migration } from '@podgate/sql';

export const AUDIT_LOG_MIGRATIONS: readonly Migration[] = [
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
  {
    version: 2,
    name: 'rm_audit: resource, pod, tenant and outcome columns',
    // Emptied rather than back-filled: projection version 2 starts from an empty table and replays
    // the whole log anyway, and the new columns can then be NOT NULL from the start. Each filter's
    // index ends in the position, so a filtered page is one index range read in audit order.
    sql: `
ALTER TABLE rm_audit_log RENAME TO rm_audit
--;
ALTER TABLE rm_audit RENAME CONSTRAINT rm_audit_log_pkey TO rm_audit_pkey
--;
ALTER INDEX rm_audit_log_by_stream RENAME TO rm_audit_by_stream
--;
DROP INDEX rm_audit_log_by_project
--;
TRUNCATE rm_audit
--;
ALTER TABLE rm_audit RENAME COLUMN category TO resource_type
--;
ALTER TABLE rm_audit
  ADD COLUMN resource_id text NOT NULL,
  ADD COLUMN pod_id      text,
  ADD COLUMN project_id  text NOT NULL,
  ADD COLUMN outcome     text NOT NULL CHECK (outcome IN ('requested', 'failed', 'succeeded'))
--;
CREATE INDEX rm_audit_by_project ON rm_audit (project_id, commit_position, prepare_position)
--;
CREATE INDEX rm_audit_by_pod ON rm_audit (pod_id, commit_position, prepare_position) WHERE pod_id IS NOT NULL
--;
CREATE INDEX rm_audit_by_resource ON rm_audit (resource_id, commit_position, prepare_position)
--;
CREATE INDEX rm_audit_by_type ON rm_audit (type, commit_position, prepare_position)
--;
CREATE INDEX rm_audit_by_occurred_at ON rm_audit (occurred_at)`,
  },
];
