import { DomainError } from '@podgate/kernel';

/** A path podgate will not pass on: it could name another resource than the one podgate checked. */
export class ForwardPathInvalidError extends DomainError {
  readonly code = 'OPENSTACK.FORWARD_PATH_INVALID';
  readonly kind = 'badRequest';
  constructor(reason: string) {
    super(`The request path is not valid: ${reason}.`);
  }
}

/** `.` / `..` segments, also percent-encoded: a pod would resolve them above the routed resource. */
const DOT_SEGMENT = /(^|\/)(\.|%2e){1,2}(\/|$)/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const UNSENDABLE = /[\u0000-\u0020\u007f?#]/;

/**
 * SECURITY: podgate authorises a call by its path (routing, tenant checks) before forwarding it, so
 * the pod must see that same path and no other.
 */
export function checkForwardPath(path: string): void {
  if (!path.startsWith('/')) throw new ForwardPathInvalidError("it must start with '/'");
  if (UNSENDABLE.test(path)) throw new ForwardPathInvalidError('it holds a character that must be percent-encoded');
  if (DOT_SEGMENT.test(path)) throw new ForwardPathInvalidError("'.' and '..' segments are not allowed");
}
