// The envelope of Cinder's volume, snapshot and backup lists: `<name>_links` as
// cinder/api/common.py _get_collection_links builds it, and `count` (with_count, 3.45+).
import type { FastifyRequest } from 'fastify';
import { nextLink } from '../http/links';
import { atLeast } from '../http/microversion';
import { Query, queryBool } from '../http/query';
import { microversionOf } from '../http/request-context';

/** Below 3.45 (SUPPORT_COUNT_INFO) Cinder does not read `with_count` at all. */
export function countRequested(request: FastifyRequest, query: Query): boolean {
  return atLeast(microversionOf(request), '3.45') && (queryBool(query, 'with_count') ?? false);
}

export interface CinderCollection {
  /** The page, in order; the last id becomes the next link's marker. */
  items: ReadonlyArray<{ id: string }>;
  rendered: unknown[];
  /** The effective limit: the `limit` parameter capped at osapi_max_limit, or that maximum. */
  limit: number;
  /** All items matching the filters, before marker and limit; only when with_count was asked for. */
  count?: number;
}

export function cinderCollection(request: FastifyRequest, name: string, c: CinderCollection): Record<string, unknown> {
  const body: Record<string, unknown> = { [name]: c.rendered };
  const last = c.items[c.items.length - 1];
  // Cinder compares the limit with the total when it counted one (`item_count or len(items)`), so
  // with with_count even a short last page carries a next link, as it does in Cinder.
  if (last && c.limit <= (c.count || c.items.length)) body[`${name}_links`] = [nextLink(request, last.id)];
  if (c.count !== undefined) body.count = c.count;
  return body;
}
