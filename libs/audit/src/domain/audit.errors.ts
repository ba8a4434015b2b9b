import { DomainError } from '@podgate/kernel';

export class InvalidAuditFilterError extends DomainError {
  readonly code = 'AUDIT.INVALID_FILTER';
  readonly kind = 'badRequest';
}
