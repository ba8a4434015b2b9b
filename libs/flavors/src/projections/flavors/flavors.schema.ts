import type { Migration } from '@podgate/sql';

/**
 * One row per flavor id ever defined; a deleted flavor keeps its row (status 'deleted') so the
 * reconciler can still remove it from the pods that hold it, and a later definition of the same id
 * takes the row over. `generation` counts as the stream does (bumpsFlavorGeneration).
 * `defined_seq` is the commit position of the latest FlavorDefined: Nova's internal `id`, the
 * tie-breaker of every flavor list order. Names are unique among live flavors: the define handler
 * checks, this index only makes the check cheap (a projection must never refuse an event).
 * rm_flavor_pod_sync: what each pod is known to hold (`generation`, 0: only tried) and the last
 * failure, for the reconciler's plan and for admins.
 */
export const FLAVORS_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'flavors',
    sql: `
CREATE TABLE rm_flavors (
  flavor_id    text        PRIMARY KEY,
  name         text        NOT NULL,
  ram          bigint      NOT NULL,
  vcpus        bigint      NOT NULL,
  disk         bigint      NOT NULL,
  ephemeral    bigint      NOT NULL,
  swap         bigint      NOT NULL,
  rxtx_factor  float8      NOT NULL,
  is_public    boolean     NOT NULL,
  description  text,
  status       text        NOT NULL CHECK (status IN ('live', 'deleted')),
  generation   integer     NOT NULL,
  defined_seq  numeric(20) NOT NULL,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL
)
--;
CREATE INDEX rm_flavors_live_by_name ON rm_flavors (name) WHERE status = 'live'
--;
CREATE TABLE rm_flavor_extra_specs (
  flavor_id text NOT NULL,
  key       text NOT NULL,
  value     text NOT NULL,
  PRIMARY KEY (flavor_id, key)
)
--;
CREATE TABLE rm_flavor_access (
  flavor_id  text        NOT NULL,
  project_id text        NOT NULL,
  added_seq  numeric(20) NOT NULL,
  PRIMARY KEY (flavor_id, project_id)
)
--;
CREATE TABLE rm_flavor_pod_sync (
  flavor_id         text        NOT NULL,
  pod_id            text        NOT NULL,
  generation        integer     NOT NULL,
  synced_at         timestamptz,
  failed_generation integer,
  failure_status    integer,
  failure_message   text,
  failed_at         timestamptz,
  PRIMARY KEY (flavor_id, pod_id)
)`,
  },
];
