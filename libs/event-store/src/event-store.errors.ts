import { DomainError } from '@podgate/kernel';
import type { ExpectedRevision } from './event-store.port';

/** The stream was not at the revision the writer expected: someone else wrote first. */
export class StreamVersionConflictError extends DomainError {
  readonly code = 'EVENT_STORE.STREAM_VERSION_CONFLICT';
  readonly kind = 'conflict';

  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's revision at the time, or 'no_stream'; undefined when the store did not say. */
    readonly actual: bigint | 'no_stream' | undefined,
    options?: { cause?: unknown },
  ) {
    super(`stream ${stream} is at ${String(actual ?? 'an unknown revision')}, expected ${String(expected)}`, options);
  }
}

export class StreamNotFoundError extends DomainError {
  readonly code = 'EVENT_STORE.STREAM_NOT_FOUND';
  readonly kind = 'itemNotFound';

  constructor(readonly stream: string) {
    super(`stream ${stream} does not exist`);
  }
}

/** The store cannot be reached or did not answer in time. Callers answer 503; nothing was lost. */
export class EventStoreUnavailableError extends DomainError {
  readonly code = 'EVENT_STORE.UNAVAILABLE';
  readonly kind = 'serviceUnavailable';

  constructor(reason: string, options?: { cause?: unknown }) {
    super(`event store unavailable: ${reason}`, options);
  }
}
