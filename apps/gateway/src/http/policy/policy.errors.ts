import { DomainError } from '@podgate/kernel';

/** Nova's answer to a caller a rule turns away, word for word. */
export class PolicyNotAuthorizedError extends DomainError {
  readonly code = 'POLICY.NOT_AUTHORIZED';
  readonly kind = 'forbidden';

  constructor(readonly rule: string) {
    super(`Policy doesn't allow ${rule} to be performed.`);
  }
}

/**
 * A route that names no rule and is not public: a bug start-up should have caught. SECURITY:
 * refused, never let through by default; the route is named for the log, not for the caller.
 */
export class RouteWithoutPolicyError extends DomainError {
  readonly code = 'POLICY.ROUTE_WITHOUT_POLICY';
  readonly kind = 'forbidden';

  constructor(readonly route: string) {
    super("Policy doesn't allow this request to be performed.");
  }
}
