import { DomainError } from './domain-error';

/** Page sizes of every paginated list, as Nova's: 100 when the client names none, never above 1000 (its max_limit). */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/** As Nova answers an unknown `marker`: the client's page cursor names nothing in the collection. */
export class MarkerNotFoundError extends DomainError {
  readonly code = 'PAGINATION.MARKER_NOT_FOUND';
  readonly kind = 'badRequest';
  constructor(marker: string) {
    super(`marker ${marker} not found`);
  }
}

export class InvalidLimitError extends DomainError {
  readonly code = 'PAGINATION.INVALID_LIMIT';
  readonly kind = 'badRequest';
  constructor(limit: unknown) {
    super(`limit must be a non-negative integer, got ${JSON.stringify(limit)}`);
  }
}
