import { type ApiLinkBase, collectionLinks, type QueryPairs } from '../../api/links';
import type { CinderCollection, ListedCinderItem } from './cinder-collection';

type Json = Record<string, unknown>;

export type CinderListKind = 'summary' | 'detail';

export interface CinderListPage {
  readonly items: readonly ListedCinderItem[];
  /** The page size asked, after Cinder's osapi_max_limit cap (the cap itself when the client gave none). */
  readonly limit: number;
}

export interface CinderListLinks {
  readonly base: ApiLinkBase;
  /** The client's query, for the next link. */
  readonly pairs: QueryPairs;
}

/**
 * A merged list in Cinder's shape: `{"<collection>": [...]}` with a `<collection>_links` next link
 * when the page is as long as the limit (Cinder's _get_collection_links; none for an empty page).
 * `summary` turns a detailed item into what the collection's summary list shows.
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
  if (!collection.pagedByLinks) return answer;
  const path = kind === 'detail' ? `${collection.name}/detail` : collection.name;
  const last = page.items.at(-1);
  const next = collectionLinks(links.base, path, links.pairs, {
    length: items.length,
    maxItems: page.limit,
    lastId: last === undefined ? undefined : String(last.item.id),
  });
  if (next.length > 0) answer[`${collection.name}_links`] = next;
  return answer;
}
