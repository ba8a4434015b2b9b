import type { FastifyRequest } from 'fastify';

/**
 * The scheme and authority the client addressed, for links in answers. The Host header is the
 * client's own word: only its shape is trusted, and a malformed one gives relative links.
 */
export function requestOrigin(request: FastifyRequest): string {
  try {
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return '';
  }
}
