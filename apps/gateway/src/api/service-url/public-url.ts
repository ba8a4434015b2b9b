import type { FastifyRequest } from 'fastify';
import { requestOrigin } from '../../admin/request-origin';

/**
 * podgate's base URL for links in compute answers: PODGATE_PUBLIC_URL when set (behind a proxy
 * or TLS terminator), else the scheme and Host the client used. No trailing slash; append
 * `/compute/v2.1/...` (links) or `/compute/...` (bookmarks).
 */
export function publicBaseUrl(request: FastifyRequest, configuredPublicUrl: string | null): string {
  if (configuredPublicUrl !== null) return configuredPublicUrl;
  // Parsing the origin with new URL on every answer cost more than the rest of the link rewrite.
  const key = `${request.protocol}://${request.host}`;
  let origin = origins.get(key);
  if (origin === undefined) {
    origin = requestOrigin(request);
    // The Host header is the client's: bounded, emptied when full rather than grown.
    if (origins.size >= MAX_ORIGINS) origins.clear();
    origins.set(key, origin);
  }
  return origin;
}

/** Origins by the scheme and Host they were parsed from; clients use a handful of host names. */
const origins = new Map<string, string>();
const MAX_ORIGINS = 256;
