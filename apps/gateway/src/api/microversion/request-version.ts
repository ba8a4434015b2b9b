// CONTRACT STUB (session 3): the compute-HTTP helper implements the hook that sets it.
import type { ApiVersion } from './api-version';

/**
 * The microversion a compute request is served at, negotiated by the compute hook before the
 * route runs (onRequest), so every handler, guard and error answer sees the same value.
 */
export const NEGOTIATED_VERSION = Symbol('podgate.computeVersion');

export interface VersionedRequest {
  [NEGOTIATED_VERSION]?: ApiVersion;
}

/** The negotiated version of a compute request; throws when the hook did not run (a wiring bug). */
export function computeVersionOf(request: object): ApiVersion {
  const version = (request as VersionedRequest)[NEGOTIATED_VERSION];
  if (!version) throw new Error('no negotiated compute microversion on this request (is the compute hook registered?)');
  return version;
}
