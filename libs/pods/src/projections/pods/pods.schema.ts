import type { Migration } from '@podgate/sql';

/**
 * One row per pod ever registered; deregistered pods stay, with status 'deregistered'. Usage
 * columns hold the last known figures: an unreachable report sets `reachable` and `usage_error`
 * and keeps them. `reachable` NULL means never polled, which counts as reachable.
 */
export const PODS_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'pods',
    sql: `
CREATE TABLE rm_pods (
  pod_id             uuid        PRIMARY KEY,
  name               text        NOT NULL,
  az_name            text        NOT NULL,
  pod_az_name        text        NOT NULL,
  dc_name            text        NOT NULL,
  affinity_tag       text,
  capacity_threshold numeric     NOT NULL,
  endpoints          jsonb       NOT NULL,
  in_maintenance     boolean     NOT NULL DEFAULT false,
  maintenance_reason text,
  status             text        NOT NULL CHECK (status IN ('active', 'deregistered')),
  registered_at      timestamptz NOT NULL,
  registration_seq   numeric(20) NOT NULL,
  updated_at         timestamptz NOT NULL,
  vcpus              bigint,
  vcpus_used         bigint,
  memory_mb          bigint,
  memory_mb_used     bigint,
  disk_gb            bigint,
  disk_gb_used       bigint,
  running_vms        bigint,
  used_fraction      numeric,
  reachable          boolean,
  usage_reported_at  timestamptz,
  usage_error        text
)
--;
CREATE INDEX rm_pods_by_registration ON rm_pods (registration_seq, pod_id)
--;
CREATE INDEX rm_pods_by_az ON rm_pods (az_name, status)`,
  },
];
