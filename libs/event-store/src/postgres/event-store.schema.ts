import type { Migration } from '@podgate/sql';
import {
  APPEND_BATCH_FUNCTION,
  APPEND_FUNCTION,
  APPEND_ON_TRY_FUNCTION,
  EXPECTATION_FUNCTION,
  TRY_APPEND_FUNCTION,
} from './append-function.sql';

/**
 * The event log in PostgreSQL, the same on a server and in PGlite.
 *
 * The gap problem: a sequence hands out numbers at insert time, but transactions commit in another
 * order, so a reader paging by `global_position > checkpoint` can pass an event whose transaction
 * commits late and never see it. So each row also records its writer's transaction id (xid8), and
 * readers take only rows whose transaction is older than every transaction still running
 * (`transaction_id < pg_snapshot_xmin(pg_current_snapshot())`), in (transaction_id, global_position)
 * order. No row can ever appear below that line later, so the order is total and gap-free.
 * (Emmett does the same; see ../shared/research/anchors.md B6.)
 */
export const EVENT_STORE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'event log, streams and the append function',
    sql: `
CREATE TABLE es_streams (
  stream_id text   PRIMARY KEY,
  category  text   NOT NULL,
  revision  bigint NOT NULL -- last written revision; -1 while the row exists but holds no event
)
--;
CREATE SEQUENCE es_global_position
--;
CREATE TABLE es_events (
  global_position bigint      NOT NULL DEFAULT nextval('es_global_position'),
  transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
  stream_id       text        NOT NULL,
  category        text        NOT NULL,
  stream_revision bigint      NOT NULL,
  event_id        uuid        NOT NULL,
  type            text        NOT NULL,
  data            jsonb       NOT NULL,
  metadata        jsonb       NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (transaction_id, global_position),
  UNIQUE (stream_id, stream_revision),
  UNIQUE (stream_id, event_id)
)
--;
CREATE INDEX es_events_by_category ON es_events (category, transaction_id, global_position)
--;
CREATE INDEX es_events_by_type ON es_events (type, transaction_id, global_position)
--;
${EXPECTATION_FUNCTION}
--;
${APPEND_FUNCTION}
`,
  },
  {
    version: 2,
    name: 'es_append no longer notifies inside the transaction',
    sql: APPEND_FUNCTION,
  },
  {
    version: 3,
    name: 'es_append_batch: many appends in one transaction (group commit)',
    sql: `${TRY_APPEND_FUNCTION}
--;
${APPEND_ON_TRY_FUNCTION}
--;
${APPEND_BATCH_FUNCTION}`,
  },
];
