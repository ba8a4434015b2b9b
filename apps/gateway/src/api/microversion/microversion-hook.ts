import { DomainError } from '@podgate/kernel';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { STATUS_BY_DOMAIN_KIND, openStackError } from '../../http/openstack-error';
import { type ApiVersion, type ApiVersionRange, formatApiVersion } from './api-version';
import { microversionResponseHeaders } from './microversion-headers';
import { negotiateMicroversion, negotiationErrorHeaders } from './negotiate-microversion';
import { NEGOTIATED_VERSION, type VersionedRequest } from './request-version';

/** The versioned compute API: `/compute/v2.1` itself and everything below it (not `/compute/`, Nova's unversioned root). */
export const COMPUTE_API_PREFIX = '/compute/v2.1';

export function isComputeApiUrl(url: string | undefined): boolean {
  if (url === undefined || !url.startsWith(COMPUTE_API_PREFIX)) return false;
  const next = url.charCodeAt(COMPUTE_API_PREFIX.length);
  return Number.isNaN(next) || next === 0x2f /* / */ || next === 0x3f; /* ? */
}

/** Each served version's headers, built once: negotiated versions lie in the supported range, so they are few. */
const servedHeaders = new Map<number, Readonly<Record<string, string>>>();

function servedVersionHeaders(version: ApiVersion): Readonly<Record<string, string>> {
  const key = version.major * 65_536 + version.minor;
  let headers = servedHeaders.get(key);
  if (!headers) servedHeaders.set(key, (headers = Object.freeze(microversionResponseHeaders(formatApiVersion(version)))));
  return headers;
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
    // The URL (rewritten by rewriteComputeUrl, which reads it as the router does) covers the 404s;
    // the matched route is the backstop: no request reaches a compute handler unnegotiated.
    if (!isComputeApiUrl(request.url) && !isComputeApiUrl(request.routeOptions.url)) return done();
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
    void reply.headers(servedVersionHeaders(version));
    done();
  });
}
