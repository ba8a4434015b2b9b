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

export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: ErrorKind;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
