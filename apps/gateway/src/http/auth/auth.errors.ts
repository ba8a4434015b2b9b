import { DomainError } from '@podgate/kernel';

/** keystonemiddleware's words; the same for a missing, unknown or expired token, so nothing leaks. */
export const AUTHENTICATION_REQUIRED = 'The request you have made requires authentication.';

export class AuthenticationRequiredError extends DomainError {
  readonly code = 'AUTH.REQUIRED';
  readonly kind = 'unauthorized';

  constructor(options?: { cause?: unknown }) {
    super(AUTHENTICATION_REQUIRED, options);
  }
}
