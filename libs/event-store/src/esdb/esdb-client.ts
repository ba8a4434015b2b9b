/**
 * The only module that imports @eventstore/db-client. The rest of the adapter uses the names
 * re-exported here, so moving to its successor @kurrent/kurrentdb-client (same gRPC protocol, same
 * API under a renamed client class) is a change to this file alone.
 */
export {
  ANY,
  AccessDeniedError,
  BACKWARDS,
  CancelledError,
  DeadlineExceededError,
  END,
  EventStoreDBClient as EsdbClient,
  FORWARDS,
  InvalidArgumentError,
  NO_STREAM,
  NotLeaderError,
  START,
  STREAM_EXISTS,
  StreamDeletedError,
  StreamNotFoundError as DriverStreamNotFoundError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
  isCommandError,
  jsonEvent,
  streamNameFilter,
} from '@eventstore/db-client';

export type {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  AppendExpectedRevision,
  EventData,
  Filter,
  JSONType,
  Position as EsdbPosition,
  ResolvedEvent,
  StreamingRead,
} from '@eventstore/db-client';
