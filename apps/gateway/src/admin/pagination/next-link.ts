import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requestOrigin } from '../request-origin';

/** Nova's `<collection>_links` item: where the next page starts. */
export const PageLinkWire = z.object({ rel: z.literal('next'), href: z.string() });
export type PageLink = z.output<typeof PageLinkWire>;

/** The `<collection>_links` property of a list answer, present only when there may be a next page. */
export const pageLinksWire = () => z.array(PageLinkWire).optional().meta({ description: 'Present when the page is full.' });

/**
 * A `next` link only when the page came back full, as Nova does: a short page is the last one.
 * The link repeats the request's own query (filters and limit) with `marker` moved to the last
 * item's id, on the URL the client used.
 */
export function nextPageLinks(
  request: FastifyRequest,
  pageSize: number,
  limit: number,
  lastMarker: string | undefined,
): PageLink[] | undefined {
  if (pageSize < limit || lastMarker === undefined) return undefined;
  const url = new URL(request.url, 'http://placeholder');
  url.searchParams.set('marker', lastMarker);
  return [{ rel: 'next', href: `${requestOrigin(request)}${url.pathname}${url.search}` }];
}
