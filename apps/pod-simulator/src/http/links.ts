// Self/bookmark/next links are built from the Host the client used, as Nova and Cinder do when no
// public endpoint override is configured.
import type { FastifyRequest } from 'fastify';

export interface Link {
  rel: string;
  href: string;
}

export const hostUrl = (request: FastifyRequest): string => `${request.protocol}://${request.headers.host ?? request.hostname}`;

/** `http://host/compute/v2.1/servers?limit=2&marker=<id>`: keeps every other query parameter. */
export function nextLink(request: FastifyRequest, marker: string): Link {
  const url = new URL(request.url, hostUrl(request));
  url.searchParams.set('marker', marker);
  return { rel: 'next', href: url.toString() };
}

/** Nova: self = versioned URL, bookmark = unversioned URL. */
export function selfAndBookmark(
  request: FastifyRequest,
  servicePrefix: string,
  versionPath: string,
  resourcePath: string,
): Link[] {
  const base = hostUrl(request);
  return [
    { rel: 'self', href: `${base}${servicePrefix}${versionPath}${resourcePath}` },
    { rel: 'bookmark', href: `${base}${servicePrefix}${resourcePath}` },
  ];
}
