import { type ApiLinkBase, nextLink, type QueryPairs } from '../../api/links';
import type { CollectionList } from '../../api/forwarding/routed-collection.controller';
import type { CinderCollection, ListedCinderItem } from './cinder-collection';

type Json = Record<string, unknown>;

export type CinderListKind = 'summary' | 'detail';

/** Cinder's name for a collection's list: its index is the summary list. */
export function cinderListKindOf(list: CollectionList): CinderListKind {
  return list === 'index' ? 'summary' : 'detail';
}

export interface CinderListPage {
  readonly items: readonly ListedCinderItem[];
  /** The page size asked, after Cinder's osapi_max_limit cap (the cap itself when the client gave none). */
  readonly limit: number;
  /** with_count (3.45): how many items match the filters over every pod; absent when not asked or not known. */
  readonly count?: number;
}

export interface CinderListLinks {
  readonly base: ApiLinkBase;
  /** The client's query, for the next link. */
  readonly pairs: QueryPairs;
}

/**
 * A merged list in Cinder's shape: `{"<collection>": [...]}` with a `<collection>_links` next link
 * as Cinder's _get_collection_links gives one: when the page is not empty and the limit is at most
 * the item count, which is the page's length (so: the page is as long as the limit), or with
 * with_count the total count (a next link even on a short last page, Cinder's quirk), and `count`
 * when known. `summary` turns a detailed item into what the collection's summary list shows.
 */
export function cinderListAnswer(
  collection: CinderCollection,
  kind: CinderListKind,
  page: CinderListPage,
  links: CinderListLinks,
  summary: (item: Json) => Json,
): Json {
  const items = page.items.map(({ item }) => (kind === 'detail' ? item : summary(item)));
  const answer: Json = { [collection.name]: items };
  if (collection.pagedByLinks) {
    const path = kind === 'detail' ? `${collection.name}/detail` : collection.name;
    const last = page.items.at(-1);
    // Cinder: `item_count = item_count or len(items)`, so a count of 0 counts the page.
    const itemCount = page.count || items.length;
    if (last !== undefined && page.limit <= itemCount)
      answer[`${collection.name}_links`] = [{ rel: 'next', href: nextLink(links.base, path, links.pairs, String(last.item.id)) }];
  }
  if (page.count !== undefined) answer.count = page.count;
  return answer;
}
