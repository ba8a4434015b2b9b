import type { FastifyRequest } from 'fastify';
import { requestOrigin } from '../../admin/request-origin';

/**
 * podgate's base URL for links in compute answers: PODGATE_PUBLIC_URL when set (behind a proxy
 * or TLS terminator), else the scheme and Host the client used. No trailing slash; append
 * `/compute/v2.1/...` (links) or `/compute/...` (bookmarks).
 */
export function publicBaseUrl(request: FastifyRequest, configuredPublicUrl: string | null): string {
  return configuredPublicUrl ?? requestOrigin(request);
}
