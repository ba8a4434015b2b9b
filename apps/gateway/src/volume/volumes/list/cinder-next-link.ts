import { type ApiLinkBase, type QueryPairs, quotePlus } from '../../../api/links';

/**
 * Cinder's _get_next_link: the request's params (a webob MultiDict: order and repeated names kept)
 * with `marker` set, which removes every marker and appends the new one, then urlencode. (Nova's
 * sorts the parameters instead: api/links nextLink.)
 */
export function cinderNextLink(base: ApiLinkBase, collection: string, pairs: QueryPairs, marker: string): string {
  const params = [...pairs.filter(([name]) => name !== 'marker'), ['marker', marker] as const];
  const query = params.map(([name, value]) => `${quotePlus(name)}=${quotePlus(value)}`).join('&');
  return `${base.self}/${collection}?${query}`;
}
