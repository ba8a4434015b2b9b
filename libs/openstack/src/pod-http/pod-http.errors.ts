import { DomainError, type ErrorKind } from '@podgate/kernel';

/** No HTTP answer from a pod: refused, reset, timed out, unresolvable. */
export class PodUnreachableError extends DomainError {
  readonly code = 'OPENSTACK.POD_UNREACHABLE';
  readonly kind = 'serviceUnavailable';
  constructor(
    readonly upstream: string,
    readonly reason: string,
    readonly networkCode: string,
  ) {
    super(`${upstream} is unreachable: ${reason}.`);
  }
}

/** A pod answered with an error status; `upstreamMessage` is its own OpenStack error message, if any. */
export class UpstreamError extends DomainError {
  readonly code = 'OPENSTACK.UPSTREAM_ERROR';
  constructor(
    readonly upstream: string,
    readonly status: number,
    readonly kind: ErrorKind,
    readonly upstreamMessage?: string,
  ) {
    super(`${upstream} answered HTTP ${status}${upstreamMessage ? `: ${upstreamMessage}` : ''}`);
  }
}
