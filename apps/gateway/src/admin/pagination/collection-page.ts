import type { FastifyRequest } from 'fastify';
import { nextPageLinks, type PageLink } from './next-link';

/** A list answer as Nova shapes it: `{ <collection>: [...], <collection>_links?: [next] }`. */
export type CollectionPage<C extends string, W> = { [K in C]: W[] } & { [K in `${C}_links`]?: PageLink[] };

/**
 * One page of a list query as the answer to `request`: each item on the wire under `collection`,
 * and, when the page is full (`limit` items), a `next` link starting after the last item's marker.
 */
export function collectionPage<C extends string, T, W>(
  request: FastifyRequest,
  limit: number,
  collection: C,
  items: readonly T[],
  toWire: (item: T) => W,
  markerOf: (item: T) => string,
): CollectionPage<C, W> {
  const last = items.at(-1);
  const links = nextPageLinks(request, items.length, limit, last === undefined ? undefined : markerOf(last));
  const answer: Record<string, unknown> = { [collection]: items.map(toWire) };
  if (links) answer[`${collection}_links`] = links;
  return answer as CollectionPage<C, W>;
}
