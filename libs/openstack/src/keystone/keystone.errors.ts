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

/** Keystone could not answer (refused, timed out, 5xx) or refused podgate's own credentials. */
export class KeystoneUnavailableError extends DomainError {
  readonly code = 'OPENSTACK.KEYSTONE_UNAVAILABLE';
  readonly kind = 'serviceUnavailable';
  constructor(reason: string) {
    super(`Keystone is unavailable: ${reason}`);
  }
}

export class EndpointNotFoundError extends DomainError {
  readonly code = 'OPENSTACK.ENDPOINT_NOT_FOUND';
  readonly kind = 'serviceUnavailable';
  constructor(region: string, serviceType: string, endpointInterface: string) {
    super(`The service catalog has no ${endpointInterface} ${serviceType} endpoint in region ${region}.`);
  }
}
