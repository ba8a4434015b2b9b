// Nova-style resource links (self = versioned, bookmark = unversioned).
import type { FastifyRequest } from 'fastify';
import { Link, hostUrl, selfAndBookmark } from '../http/links';

export const computeLinks = (request: FastifyRequest, path: string): Link[] =>
  selfAndBookmark(request, '/compute', '/v2.1', path);

export const computeBookmark = (request: FastifyRequest, path: string): Link[] => [
  { rel: 'bookmark', href: `${hostUrl(request)}/compute${path}` },
];
