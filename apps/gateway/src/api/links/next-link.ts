import type { ApiLinkBase } from './api-link-base';

/** A query's name/value pairs in the client's order, repeated names kept (webob's request.params). */
export type QueryPairs = readonly (readonly [string, string])[];

/** The pairs of a request URL's query, decoded as webob does (`+` is a space, bad escapes replaced). */
export function queryPairsOf(url: string): QueryPairs {
  const at = url.indexOf('?');
  return at < 0 ? [] : [...new URLSearchParams(url.slice(at + 1))];
}

export interface NextLink {
  readonly rel: 'next';
  readonly href: string;
}

/**
 * The next page's URL as the base's API builds it, on `base.self` (so in the client's URL form).
 * Nova's `_get_next_link`: `OrderedDict(sorted(request.params.items()))` with `marker` set, then
 * `urlencode`. Sorting the (name, value) tuples and keeping one value per name means a repeated
 * name keeps its place and its greatest value (not its last); `marker` keeps its place when the
 * request had one and goes last otherwise. Cinder's `_get_next_link`: webob's MultiDict copy with
 * `params["marker"] = id`, then `urlencode`: the client's pairs in the client's order, repeated
 * names kept, every `marker` dropped and the new one last.
 */
export function nextLink(base: ApiLinkBase, collection: string, pairs: QueryPairs, marker: string): string {
  const ordered = base.api.serviceType === 'volume' ? cinderPairs(pairs, marker) : novaPairs(pairs, marker);
  const query = ordered.map(([name, value]) => `${quotePlus(name)}=${quotePlus(value)}`).join('&');
  return `${base.self}/${collection}?${query}`;
}

function novaPairs(pairs: QueryPairs, marker: string): QueryPairs {
  const params = new Map<string, string>();
  const sorted = [...pairs].sort(([a, x], [b, y]) => compareCodePoints(a, b) || compareCodePoints(x, y));
  for (const [name, value] of sorted) params.set(name, value);
  params.set('marker', marker);
  return [...params];
}

function cinderPairs(pairs: QueryPairs, marker: string): QueryPairs {
  return [...pairs.filter(([name]) => name !== 'marker'), ['marker', marker]];
}

export interface ListedPage {
  /** Items on the page, as the service counts them (Nova: a list's down-cell entries included). */
  readonly length: number;
  /** min(the request's last `limit`, max_limit), max_limit when none was given (Nova's max_items, Cinder's limit). */
  readonly maxItems: number;
  /** The id the next page starts after: the page's last item's. */
  readonly lastId: string | undefined;
}

/**
 * Nova's and Cinder's `_get_collection_links`: a next link exactly when the page is full (it may
 * lead to an empty page, as theirs does); none for a limit of 0 or an empty page.
 */
export function collectionLinks(base: ApiLinkBase, collection: string, pairs: QueryPairs, page: ListedPage): NextLink[] {
  if (!page.maxItems || page.length !== page.maxItems || page.lastId === undefined) return [];
  return [{ rel: 'next', href: nextLink(base, collection, pairs, page.lastId) }];
}

/** encodeURIComponent throws on these, and a pod's JSON may carry one (`"\ud800"`): sent as U+FFFD instead. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Python's `quote_plus(text, safe='')` of the text's UTF-8: letters, digits and `_.-~` as they are,
 * a space as `+`, everything else percent-encoded (encodeURIComponent also spares `!'()*`).
 */
export const quotePlus = (text: string): string =>
  encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'))
    .replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');

/** Python's str order (code points); JavaScript's `<` compares UTF-16 units, which differs above U+FFFF. */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Surrogates (code points above U+FFFF) moved after U+E000-U+FFFF, which moves down to make room. */
const codePointRank = (unit: number): number => (unit < 0xd800 ? unit : unit < 0xe000 ? unit + 0x2000 : unit - 0x800);
