/**
 * Base of every error podgate raises on purpose. `code` is stable and documented; exactly one HTTP
 * filter maps codes to statuses and the OpenStack error envelope, so libraries stay HTTP-free.
 */
export type ErrorKind =
  | 'badRequest'
  | 'unauthorized'
  | 'forbidden'
  | 'itemNotFound'
  /** 406: a microversion outside the supported range. */
  | 'notAcceptable'
  | 'conflict'
  | 'serviceUnavailable';

/**
 * The HTTP status of each kind, as the gateway's one error filter answers it and as the failure
 * events record what the client got. Keyed by ErrorKind, so a new kind cannot be missed.
 */
export const STATUS_OF_ERROR_KIND: Readonly<Record<ErrorKind, number>> = {
  badRequest: 400,
  unauthorized: 401,
  forbidden: 403,
  itemNotFound: 404,
  notAcceptable: 406,
  conflict: 409,
  serviceUnavailable: 503,
};

export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: ErrorKind;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
