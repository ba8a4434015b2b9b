import type { EventMetadata } from '@podgate/kernel';
import type { JsonValue, RecordedEvent } from '../event-store.port';

/** The columns every read selects, with positions as text so pg and PGlite agree on bigints. */
export const EVENT_COLUMNS = `stream_id, stream_revision::text AS stream_revision, event_id::text AS event_id, type,
  data, metadata, recorded_at, transaction_id::text AS commit_position, global_position::text AS prepare_position`;

export interface EventRow {
  stream_id: string;
  stream_revision: string;
  event_id: string;
  type: string;
  data: JsonValue;
  metadata: EventMetadata;
  recorded_at: Date | string;
  commit_position: string;
  prepare_position: string;
}

export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  id: row.event_id,
  type: row.type,
  data: row.data,
  metadata: row.metadata,
  stream: row.stream_id,
  revision: BigInt(row.stream_revision),
  position: { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) },
  recordedAt: row.recorded_at instanceof Date ? row.recorded_at : new Date(row.recorded_at),
});
