import { DomainError } from '@podgate/kernel';
import { EventStoreUnavailableError, StreamNotFoundError, StreamVersionConflictError } from '../event-store.errors';
import type { ExpectedRevision } from '../event-store.port';
import {
  DriverStreamNotFoundError,
  InvalidArgumentError,
  StreamDeletedError,
  WrongExpectedVersionError,
  isCommandError,
} from './esdb-client';

/** What the adapter was doing, so the translated error names the stream and expectation it was given. */
export interface EsdbErrorContext {
  readonly stream?: string;
  readonly expected?: ExpectedRevision;
}

/** Network failures Node reports before gRPC gets a say (DNS, refused or reset connections). */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
]);

/**
 * Maps whatever the EventStoreDB client threw to the port's errors, so no driver type escapes the
 * adapter. Every driver failure that is neither a version conflict nor a missing stream means the
 * store cannot serve us right now (unreachable, timed out, not the leader, refused our credentials),
 * which is EventStoreUnavailableError; the driver error stays as `cause` for the logs. Errors that
 * are not the driver's (our own bugs) are returned unchanged.
 */
export function translateEsdbError(error: unknown, context: EsdbErrorContext = {}): Error {
  if (error instanceof DomainError) return error;
  if (error instanceof WrongExpectedVersionError) {
    return new StreamVersionConflictError(
      context.stream ?? error.streamName,
      context.expected ?? error.expectedVersion,
      error.actualVersion,
      { cause: error },
    );
  }
  // A deleted (tombstoned) stream has no events we can read or extend: for the port it does not exist.
  if (error instanceof DriverStreamNotFoundError || error instanceof StreamDeletedError) {
    return new StreamNotFoundError(context.stream ?? error.streamName);
  }
  // The client refused our arguments before sending anything: a bug of ours, not an outage.
  if (error instanceof InvalidArgumentError) return new TypeError(`EventStoreDB client: ${error.message}`, { cause: error });
  if (error instanceof Error && isCommandError(error))
    return new EventStoreUnavailableError(`${error.type}: ${error.message}`, { cause: error });
  if (isGrpcStatusError(error))
    return new EventStoreUnavailableError(`gRPC status ${error.code}: ${error.details}`, { cause: error });
  if (isConnectionError(error)) return new EventStoreUnavailableError(`${error.code}: ${error.message}`, { cause: error });
  if (error instanceof Error) return error;
  return new EventStoreUnavailableError(`unexpected failure: ${String(error)}`, { cause: error });
}

/** A raw gRPC status the client passed through unconverted (it does so for its server-features probe). */
function isGrpcStatusError(error: unknown): error is Error & { code: number; details: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'number' && 'details' in error;
}

function isConnectionError(error: unknown): error is Error & { code: string } {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && CONNECTION_ERROR_CODES.has(code);
}
