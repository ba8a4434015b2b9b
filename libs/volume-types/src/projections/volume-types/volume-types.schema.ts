import type { DefinedResourceTables } from '@podgate/pod-sync';
import type { Migration } from '@podgate/sql';

/** rm_volume_types and the rows around it, in the shared read model's terms (@podgate/pod-sync). */
export const VOLUME_TYPE_TABLES: DefinedResourceTables = {
  table: 'rm_volume_types',
  idColumn: 'type_id',
  syncTable: 'rm_volume_type_pod_sync',
  extraSpecsTable: 'rm_volume_type_extra_specs',
  accessTable: 'rm_volume_type_access',
};

/**
 * One row per type id ever defined; a deleted type keeps its row (status 'deleted') so the
 * reconciler can still remove it from the pods that hold it. `generation` counts as the stream does.
 * `defined_seq`: the commit position of the definition, the list order's tie-breaker. Names are
 * unique among live types: the handlers check, the index only makes the check cheap (a projection
 * must never refuse an event). rm_volume_type_pod_sync adds `pod_type_id`: the pod's own id.
 * The SQL is literal: an applied migration must never change when shared code does.
 */
export const VOLUME_TYPES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'volume_types',
    sql: `
CREATE TABLE rm_volume_types (
  type_id      text        PRIMARY KEY,
  name         text        NOT NULL,
  description  text,
  is_public    boolean     NOT NULL,
  status       text        NOT NULL CHECK (status IN ('live', 'deleted')),
  generation   integer     NOT NULL,
  defined_seq  numeric(20) NOT NULL,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL
)
--;
CREATE INDEX rm_volume_types_live_by_name ON rm_volume_types (name) WHERE status = 'live'
--;
CREATE TABLE rm_volume_type_extra_specs (
  type_id text NOT NULL,
  key     text NOT NULL,
  value   text NOT NULL,
  PRIMARY KEY (type_id, key)
)
--;
CREATE TABLE rm_volume_type_access (
  type_id    text        NOT NULL,
  project_id text        NOT NULL,
  added_seq  numeric(20) NOT NULL,
  PRIMARY KEY (type_id, project_id)
)
--;
CREATE TABLE rm_volume_type_pod_sync (
  type_id text NOT NULL,
  pod_id text NOT NULL,
  generation integer NOT NULL,
  synced_at timestamptz,
  failed_generation integer,
  failure_status integer,
  failure_message text,
  failed_at timestamptz,
  pod_type_id text,
  PRIMARY KEY (type_id, pod_id)
)`,
  },
];
