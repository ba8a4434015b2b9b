import { DomainError } from '@podgate/kernel';

/**
 * A requested microversion that is not `X.Y` with integers free of leading zeros. Nova and Cinder
 * answer 400 `badRequest` with this message (their exception.py InvalidAPIVersionString) and,
 * since no version was negotiated, without any version header.
 */
export class InvalidApiVersionStringError extends DomainError {
  readonly code = 'API.INVALID_API_VERSION';
  readonly kind = 'badRequest';
  constructor(readonly requested: string) {
    super(`API Version String ${requested} is of invalid format. Must be of format MajorNum.MinorNum.`);
  }
}

/**
 * A well-formed microversion outside the supported range. Nova and Cinder answer 406 (exception.py
 * InvalidGlobalAPIVersion), in a `computeFault` envelope (406 has no fault name of its own), and
 * echo the *requested* version in their version headers.
 */
export class UnsupportedApiVersionError extends DomainError {
  readonly code = 'API.API_VERSION_NOT_SUPPORTED';
  readonly kind = 'notAcceptable';
  constructor(
    readonly requested: string,
    minimum: string,
    maximum: string,
  ) {
    super(`Version ${requested} is not supported by the API. Minimum is ${minimum} and maximum is ${maximum}.`);
  }
}

/**
 * Cinder only: an `OpenStack-API-Version` header with no volume entry. Cinder raises
 * VersionNotFoundForAPIMethod outside its Resource, so its FaultWrapper answers a bare 400 with
 * webob's default words and no version header.
 */
export class ApiVersionNotNamedError extends DomainError {
  readonly code = 'API.API_VERSION_NOT_NAMED';
  readonly kind = 'badRequest';
  constructor() {
    super('The server could not comply with the request since it is either malformed or otherwise incorrect.');
  }
}
