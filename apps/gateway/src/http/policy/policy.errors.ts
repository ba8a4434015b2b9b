import { DomainError } from '@podgate/kernel';

/** Nova's answer to a caller a rule turns away, word for word. */
export class PolicyNotAuthorizedError extends DomainError {
  readonly code = 'POLICY.NOT_AUTHORIZED';
  readonly kind = 'forbidden';

  constructor(readonly rule: string) {
    super(`Policy doesn't allow ${rule} to be performed.`);
  }
}
