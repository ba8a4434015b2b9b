import { DomainError } from '@podgate/kernel';

/**
 * A requested microversion that is not `X.Y` with integers free of leading zeros. Nova answers 400
 * `badRequest` with this message (nova/exception.py InvalidAPIVersionString) and, since no version
 * was negotiated, without any version header.
 */
export class InvalidApiVersionStringError extends DomainError {
  readonly code = 'COMPUTE.INVALID_API_VERSION';
  readonly kind = 'badRequest';
  constructor(readonly requested: string) {
    super(`API Version String ${requested} is of invalid format. Must be of format MajorNum.MinorNum.`);
  }
}

/**
 * A well-formed microversion outside the supported range. Nova answers 406 (nova/exception.py
 * InvalidGlobalAPIVersion), in a `computeFault` envelope, and echoes the *requested* version in
 * its version headers.
 */
export class UnsupportedApiVersionError extends DomainError {
  readonly code = 'COMPUTE.API_VERSION_NOT_SUPPORTED';
  readonly kind = 'notAcceptable';
  constructor(
    readonly requested: string,
    minimum: string,
    maximum: string,
  ) {
    super(`Version ${requested} is not supported by the API. Minimum is ${minimum} and maximum is ${maximum}.`);
  }
}
