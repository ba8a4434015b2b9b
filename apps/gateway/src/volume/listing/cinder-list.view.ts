import type { ApiLinkBase, QueryPairs } from '../../api/links';
import { cinderNextLink } from '../volumes/list/cinder-next-link';
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
  const last = page.items.at(-1);
  if (collection.pagedByLinks && last !== undefined && page.limit <= items.length) {
    const path = kind === 'detail' ? `${collection.name}/detail` : collection.name;
    answer[`${collection.name}_links`] = [
      { rel: 'next', href: cinderNextLink(links.base, path, links.pairs, String(last.item.id)) },
    ];
  }
  return answer;
}
