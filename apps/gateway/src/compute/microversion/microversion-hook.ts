import { DomainError } from '@podgate/kernel';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { STATUS_BY_DOMAIN_KIND, openStackError } from '../../http/openstack-error';
import { type ApiVersionRange, formatApiVersion } from './api-version';
import { microversionResponseHeaders } from './microversion-headers';
import { negotiateMicroversion, negotiationErrorHeaders } from './negotiate-microversion';
import { NEGOTIATED_VERSION, type VersionedRequest } from './request-version';

/** The versioned compute API: `/compute/v2.1` itself and everything below it (not `/compute/`, Nova's unversioned root). */
export const COMPUTE_API_PREFIX = '/compute/v2.1';

export function isComputeApiUrl(url: string): boolean {
  if (!url.startsWith(COMPUTE_API_PREFIX)) return false;
  const next = url.charCodeAt(COMPUTE_API_PREFIX.length);
  return Number.isNaN(next) || next === 0x2f /* / */ || next === 0x3f; /* ? */
}

/**
 * Negotiates the microversion of every compute request before routing, guards and handlers, as
 * Nova's wsgi.Resource does first thing, so every answer (success, 401, 403, 404, pod errors) names
 * the version it was served at. A malformed version is a 400 without version headers, one out of
 * the range a 406 echoing the requested version (Nova's Fault). `range` is read per request: it
 * follows the pods' maxima (PodApiVersions) and must stay a plain field read.
 */
export function installMicroversionHook(fastify: FastifyInstance, range: () => ApiVersionRange): void {
  fastify.decorateRequest(NEGOTIATED_VERSION, undefined);
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!isComputeApiUrl(request.url)) return done();
    let version;
    try {
      version = negotiateMicroversion(request.headers, range());
    } catch (error) {
      if (!(error instanceof DomainError)) return done(error as Error);
      const status = STATUS_BY_DOMAIN_KIND[error.kind] ?? 400;
      void reply
        .code(status)
        .headers(negotiationErrorHeaders(error))
        .header('content-type', 'application/json')
        .send(openStackError(status, error.message));
      return;
    }
    (request as FastifyRequest & VersionedRequest)[NEGOTIATED_VERSION] = version;
    void reply.headers(microversionResponseHeaders(formatApiVersion(version)));
    done();
  });
}
