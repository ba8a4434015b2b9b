import { DomainError } from '@podgate/kernel';

/** The message keystonemiddleware answers with; it never says why, so it cannot leak anything. */
export const AUTHENTICATION_REQUIRED = 'The request you have made requires authentication.';

/** Missing, unknown, expired, revoked or unscoped token. SECURITY: the token is never part of it. */
export class InvalidTokenError extends DomainError {
  readonly code = 'OPENSTACK.INVALID_TOKEN';
  readonly kind = 'unauthorized';
  constructor() {
    super(AUTHENTICATION_REQUIRED);
  }
}

/** What every caller is told, whatever the reason: a 503 answers any request, even one with a garbage token. */
export const KEYSTONE_UNAVAILABLE = 'Keystone is unavailable.';

/**
 * Keystone could not answer (refused, timed out, 5xx) or refused podgate's own credentials.
 * SECURITY: the message is for clients and says nothing more; `reason` ("it rejected the
 * credentials of service user podgate (HTTP 401)", "connection refused") names podgate's service
 * account and network and is for logs only. Neither ever holds a token or a password.
 */
export class KeystoneUnavailableError extends DomainError {
  readonly code = 'OPENSTACK.KEYSTONE_UNAVAILABLE';
  readonly kind = 'serviceUnavailable';
  constructor(readonly reason: string) {
    super(KEYSTONE_UNAVAILABLE);
  }
}

export class EndpointNotFoundError extends DomainError {
  readonly code = 'OPENSTACK.ENDPOINT_NOT_FOUND';
  readonly kind = 'serviceUnavailable';
  constructor(region: string, serviceType: string, endpointInterface: string) {
    super(`The service catalog has no ${endpointInterface} ${serviceType} endpoint in region ${region}.`);
  }
}
