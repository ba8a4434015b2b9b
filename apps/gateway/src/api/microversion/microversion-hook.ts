import { DomainError, STATUS_OF_ERROR_KIND } from '@podgate/kernel';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { openStackError } from '../../http/openstack-error';
import type { ServiceApi } from '../service-api';
import { type ApiVersion, type ApiVersionRange, formatApiVersion } from './api-version';
import { microversionResponseHeaders } from './microversion-headers';
import { negotiateMicroversion, negotiationErrorHeaders } from './negotiate-microversion';
import { NEGOTIATED_VERSION, type NegotiatedVersion, type VersionedRequest } from './request-version';

/**
 * Whether `url` is negotiated for `api`: `api.negotiatedPrefix` itself and everything below it
 * (`/compute/v2.1...`, not Nova's unversioned `/compute/`; `/volume...`, Cinder's root included).
 */
export function isNegotiatedUrl(api: ServiceApi, url: string | undefined): boolean {
  const prefix = api.negotiatedPrefix;
  if (url === undefined || !url.startsWith(prefix)) return false;
  const next = url.charCodeAt(prefix.length);
  return Number.isNaN(next) || next === 0x2f /* / */ || next === 0x3f; /* ? */
}

interface Served {
  readonly negotiated: NegotiatedVersion;
  readonly headers: Readonly<Record<string, string>>;
}

/** Each API's served versions, built once: negotiated versions lie in the supported range, so they are few. */
const served = new Map<string, Served>();

function servedVersion(api: ServiceApi, version: ApiVersion): Served {
  const key = `${api.serviceType} ${version.major}.${version.minor}`;
  let entry = served.get(key);
  if (!entry) {
    const headers = Object.freeze(microversionResponseHeaders(api, formatApiVersion(version)));
    served.set(key, (entry = { negotiated: Object.freeze({ api, version }), headers }));
  }
  return entry;
}

/**
 * Negotiates the microversion of every request of `api` before routing, guards and handlers, as
 * Nova's and Cinder's wsgi.Resource do first thing, so every answer (success, 401, 403, 404, pod
 * errors) names the version it was served at; stores it with the API for apiVersionOf/servedApiOf.
 * A malformed version is a 400 without version headers, one out of the range a 406 echoing the
 * requested version (the services' Fault). `range` is read per request: it follows the pods'
 * maxima (that API's PodApiVersions) and must stay a plain field read. Call once per API.
 */
export function installMicroversionHook(fastify: FastifyInstance, api: ServiceApi, range: () => ApiVersionRange): void {
  if (!fastify.hasRequestDecorator(NEGOTIATED_VERSION)) fastify.decorateRequest(NEGOTIATED_VERSION, undefined);
  fastify.addHook('onRequest', (request, reply, done) => {
    // The URL (rewritten by rewriteServiceUrl, which reads it as the router does) covers the 404s;
    // the matched route is the backstop: no request reaches a handler of `api` unnegotiated.
    if (!isNegotiatedUrl(api, request.url) && !isNegotiatedUrl(api, request.routeOptions.url)) return done();
    let version;
    try {
      version = negotiateMicroversion(api, request.headers, range());
    } catch (error) {
      if (!(error instanceof DomainError)) return done(error as Error);
      const status = STATUS_OF_ERROR_KIND[error.kind] ?? 400;
      void reply
        .code(status)
        .headers(negotiationErrorHeaders(api, error))
        .header('content-type', 'application/json')
        .send(openStackError(status, error.message));
      return;
    }
    const { negotiated, headers } = servedVersion(api, version);
    (request as FastifyRequest & VersionedRequest)[NEGOTIATED_VERSION] = negotiated;
    void reply.headers(headers);
    done();
  });
}
