import type { FastifyRequest } from 'fastify';
import { publicBaseUrl, urlProjectIdOf } from '../compute-url';

export interface FlavorLinkBase {
  /** `<public>/compute/v2.1[/<project>]`: self links and the next page. */
  readonly self: string;
  /** `<public>/compute[/<project>]`: bookmarks (no version). */
  readonly bookmark: string;
}

/**
 * Where Nova's flavor links point, on podgate's public URL: the project segment appears when the
 * client used the project form of the URL, as Nova's `_get_project_id` does.
 */
export function flavorLinkBase(request: FastifyRequest, configuredPublicUrl: string | null): FlavorLinkBase {
  const base = publicBaseUrl(request, configuredPublicUrl);
  const project = urlProjectIdOf(request);
  const suffix = project ? `/${project}` : '';
  return { self: `${base}/compute/v2.1${suffix}`, bookmark: `${base}/compute${suffix}` };
}

export const flavorLinks = (base: FlavorLinkBase, flavorId: string) => [
  { rel: 'self', href: `${base.self}/flavors/${flavorId}` },
  { rel: 'bookmark', href: `${base.bookmark}/flavors/${flavorId}` },
];

/**
 * Nova's `flavors_links`: present when the page is as long as the limit asked for (or the 1000
 * cap). The next link repeats the query sorted by key (Python's OrderedDict(sorted(params))) with
 * `marker` set to the page's last id.
 */
export function nextFlavorsLink(
  request: FastifyRequest,
  base: FlavorLinkBase,
  collection: 'flavors' | 'flavors/detail',
  pageLength: number,
  maxItems: number,
  lastId: string | undefined,
): { rel: 'next'; href: string }[] | undefined {
  if (!maxItems || pageLength !== maxItems || lastId === undefined) return undefined;
  const query = new URLSearchParams(request.url.split('?')[1] ?? '');
  const sorted = new Map<string, string>();
  for (const [key, value] of [...query].sort(([a, x], [b, y]) => (a === b ? compare(x, y) : compare(a, b)))) {
    sorted.set(key, value);
  }
  sorted.set('marker', lastId);
  return [{ rel: 'next', href: `${base.self}/${collection}?${new URLSearchParams([...sorted]).toString()}` }];
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
