import { DomainError } from '@podgate/kernel';

/** No pod has the marker: Nova's `marker [<id>] not found` (400) from GET /servers; other APIs name their own (FederatedListSource.markerNotFound). */
export class MarkerNotFoundError extends DomainError {
  readonly code = 'FEDERATION.MARKER_NOT_FOUND';
  readonly kind = 'badRequest';
  constructor(readonly marker: string) {
    super(`marker [${marker}] not found`);
  }
}

/** The marker's look-up took longer than a pod's share: where the page starts is unknown. */
export class MarkerLookupTimeoutError extends DomainError {
  readonly code = 'FEDERATION.MARKER_LOOKUP_TIMEOUT';
  readonly kind = 'serviceUnavailable';
  constructor(timeoutMs: number) {
    super(`The marker could not be looked up within ${timeoutMs} ms.`);
  }
}

/** A `limit` that is no count (NaN, infinite, negative), in Nova's words. */
export class ListLimitInvalidError extends DomainError {
  readonly code = 'FEDERATION.LIMIT_INVALID';
  readonly kind = 'badRequest';
}
