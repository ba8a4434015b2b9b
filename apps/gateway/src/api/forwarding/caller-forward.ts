import type { RequestContext } from '@podgate/kernel';
import type { ForwardRequest } from '@podgate/openstack';
import type { FastifyRequest } from 'fastify';
import { apiVersionOf, forwardedMicroversionHeaders, servedApiOf } from '../microversion';

/** A call to a pod before its pod, project and service are known: what ServerForward and VolumeForward are. */
export type CallerForward = Omit<ForwardRequest, 'pod' | 'projectId' | 'service'>;

export interface ForwardedCall {
  readonly method: string;
  /** Below the API's versioned root: `/servers/<id>/action`, `/volumes/<id>/action`. */
  readonly path: string;
  /** Raw, without '?'; default: the caller's own query string. */
  readonly query?: string;
  readonly body?: unknown;
}

/**
 * The caller's request as a pod must receive it, for the API the request was negotiated for (compute
 * or volume): the caller's token (the pod enforces its own policy for that user), the negotiated
 * microversion in that API's headers (forwardedMicroversionHeaders), and podgate's request id as the
 * global request id, so the pod's logs name the request podgate logged.
 */
export function callerForward(request: FastifyRequest, context: RequestContext, call: ForwardedCall): CallerForward {
  const query = call.query ?? rawQueryOf(request);
  return {
    method: call.method,
    path: call.path,
    ...(query ? { query } : {}),
    // Noauth mode has no token; pods are then reached through explicit endpoints that need none.
    token: context.token ?? '',
    headers: forwardedMicroversionHeaders(servedApiOf(request), apiVersionOf(request)),
    ...(call.body === undefined ? {} : { body: call.body }),
    globalRequestId: context.globalRequestId ?? context.requestId,
  };
}

/** The query string as the client sent it (repeated keys, order and encoding kept). */
export function rawQueryOf(request: FastifyRequest): string {
  const at = request.url.indexOf('?');
  return at < 0 ? '' : request.url.slice(at + 1);
}

/** A path segment from a route parameter (decoded by the router), encoded again for the pod. */
export const segment = (value: string): string => encodeURIComponent(value);
