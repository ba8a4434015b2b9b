import { DomainError } from '@podgate/kernel';

/** As Nova answers an unknown `marker`: the client's page cursor names no audited event. */
export class AuditMarkerNotFoundError extends DomainError {
  readonly code = 'AUDIT.MARKER_NOT_FOUND';
  readonly kind = 'badRequest';
  constructor(marker: string) {
    super(`marker ${marker} not found`);
  }
}

export class InvalidAuditFilterError extends DomainError {
  readonly code = 'AUDIT.INVALID_FILTER';
  readonly kind = 'badRequest';
}
