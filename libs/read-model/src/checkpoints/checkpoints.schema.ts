import type { Migration } from '@podgate/sql';

/** Where each projection version has got to. `generation` changes on rebuild, fencing old runners out. */
export const CHECKPOINT_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'projection checkpoints',
    sql: `
CREATE TABLE rm_checkpoints (
  projection       text        NOT NULL,
  version          integer     NOT NULL,
  generation       integer     NOT NULL DEFAULT 1,
  commit_position  numeric(20) NOT NULL DEFAULT 0,
  prepare_position numeric(20) NOT NULL DEFAULT 0,
  events_applied   bigint      NOT NULL DEFAULT 0,
  last_recorded_at timestamptz,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (projection, version)
)`,
  },
];
