import type { ServiceApi } from '../service-api';
import type { ApiVersion } from './api-version';

/**
 * The microversion a request is served at, and the API it belongs to, set by that API's hook
 * before the route runs (onRequest), so every handler, guard and error answer sees the same value.
 */
export const NEGOTIATED_VERSION = Symbol('podgate.apiVersion');

export interface NegotiatedVersion {
  readonly api: ServiceApi;
  readonly version: ApiVersion;
}

export interface VersionedRequest {
  [NEGOTIATED_VERSION]?: NegotiatedVersion;
}

function negotiatedOf(request: object): NegotiatedVersion {
  const negotiated = (request as VersionedRequest)[NEGOTIATED_VERSION];
  if (!negotiated) throw new Error('no negotiated microversion on this request (is its API’s hook registered?)');
  return negotiated;
}

/** The negotiated version of a request of any API (compute, volume); throws when no hook ran (a wiring bug). */
export function apiVersionOf(request: object): ApiVersion {
  return negotiatedOf(request).version;
}

/** The API a request was negotiated for; throws when no hook ran (a wiring bug). */
export function servedApiOf(request: object): ServiceApi {
  return negotiatedOf(request).api;
}

/** Compute's name for apiVersionOf, kept so compute files need no change. */
export const computeVersionOf = apiVersionOf;
