import type { EventMetadata } from '@podgate/kernel';
import type { EventFilter, ExpectedRevision, JsonValue, NewEvent, RecordedEvent } from '../event-store.port';
import { matchesFilter } from '../filter';
import type { GlobalPosition } from '../position';
import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type EsdbPosition,
  type EventData,
  type Filter,
  type JSONType,
  type ResolvedEvent,
} from './esdb-client';

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected;
  }
}

export function toEsdbEvent(event: NewEvent): EventData {
  // The client types JSON data as object | array | string, yet serialises any JSON value with
  // JSON.stringify; numbers, booleans and null round-trip the same way.
  return jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata: event.metadata });
}

export const fromEsdbPosition = (position: EsdbPosition): GlobalPosition => ({
  commit: position.commit,
  prepare: position.prepare,
});

export const toEsdbPosition = (position: GlobalPosition): EsdbPosition => ({
  commit: position.commit,
  prepare: position.prepare,
});

/** EventStoreDB's own events: `$`-prefixed streams ($epoch-information, $$metadata…) or types ($>, $metadata…). */
export const isSystemEvent = (stream: string, type: string): boolean => stream.startsWith('$') || type.startsWith('$');

/**
 * The port's view of a recorded event, or undefined when the record is not a podgate event: a link
 * without its target, binary data, or metadata that is not a JSON object.
 */
export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event?.isJson || !event.position || !isJsonObject(event.metadata)) return undefined;
  return {
    id: event.id,
    type: event.type,
    data: event.data as JsonValue,
    // Written by this adapter from an EventMetadata; a foreign writer's metadata is taken as given.
    metadata: event.metadata as unknown as EventMetadata,
    stream: event.streamId,
    revision: event.revision,
    position: fromEsdbPosition(event.position),
    recordedAt: event.created,
  };
}

/** What readAll and subscriptions deliver: user events only, through the caller's filter. */
export function isVisible(event: RecordedEvent, filter: EventFilter | undefined): boolean {
  return !isSystemEvent(event.stream, event.type) && matchesFilter(filter, event.stream, event.type);
}

/**
 * The part of a filter the server can apply. EventStoreDB filters on the stream name or on the
 * event type, not both, so categories (usually the narrower) go to the server as `<category>-`
 * prefixes and event types are then checked here; event types alone go as an exact-match regex;
 * no filter still asks the server to leave out system event types. Whatever the server does, the
 * adapter re-checks every event with isVisible.
 */
export function toServerFilter(filter: EventFilter | undefined): Filter {
  if (filter?.categories?.length) return streamNameFilter({ prefixes: filter.categories.map((category) => `${category}-`) });
  if (filter?.eventTypes?.length) return eventTypeFilter({ regex: `^(?:${filter.eventTypes.map(escapeRegex).join('|')})$` });
  return excludeSystemEvents();
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function isJsonObject(value: unknown): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
