// Pods build `links` and `Location` from the URL podgate called them on; clients must only ever see
// podgate's. Nova and Cinder hang every link from the service root: `<root>/v2.1/...` (self, next)
// or `<root>/...` (bookmark), with or without the project segment, so swapping the root is enough.

export type PublicService = 'compute' | 'volume';

/** Where podgate serves each API, below its public URL. */
export const PUBLIC_SERVICE_PATHS: Readonly<Record<PublicService, string>> = {
  compute: '/compute/v2.1',
  volume: '/volume/v3',
};

/** podgate's counterpart of a pod's service root: `publicServiceUrl('https://gw', 'compute')` = `https://gw/compute/v2.1`. */
export const publicServiceUrl = (publicUrl: string, service: PublicService): string =>
  publicUrl.replace(/\/+$/, '') + PUBLIC_SERVICE_PATHS[service];

const VERSION_SEGMENT = /^v\d+(\.\d+)?$/;

/** A service URL without its version segment and what follows (the project): the bookmark root. */
function serviceRoot(serviceUrl: string): string {
  const url = serviceUrl.replace(/\/+$/, '');
  const pathStart = url.indexOf('/', url.indexOf('//') + 2);
  if (pathStart < 0) return url;
  const segments = url.slice(pathStart + 1).split('/');
  for (let i = segments.length - 1; i >= 0; i -= 1) {
    if (VERSION_SEGMENT.test(segments[i])) return url.slice(0, pathStart) + (i ? `/${segments.slice(0, i).join('/')}` : '');
  }
  return url;
}

/** Lower-cases scheme and host (they are case-insensitive) so the prefix test does not depend on spelling. */
function normalisedOrigin(url: string): string {
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, (origin) => origin.toLowerCase());
}

type LinkRewriter = (href: string) => string;

/**
 * Rewriters by pod and public base URL. Lists rewrite every item's links with the same pair, so the
 * roots are worked out once, not per item; the pairs are few (pods x projects x public hosts), and
 * the oldest is dropped past the bound.
 */
const rewriters = new Map<string, LinkRewriter>();
const MAX_REWRITERS = 1024;

/**
 * A function mapping one pod URL to podgate's; URLs elsewhere (another origin, e.g. a console proxy
 * or Glance) come back unchanged. `podBaseUrl` is ForwardedResponse.podBaseUrl; `publicBaseUrl` is
 * podgate's service root for the same API (see publicServiceUrl).
 */
export function podLinkRewriter(podBaseUrl: string, publicBaseUrl: string): LinkRewriter {
  const key = `${podBaseUrl} ${publicBaseUrl}`;
  let rewriter = rewriters.get(key);
  if (!rewriter) {
    if (rewriters.size >= MAX_REWRITERS) rewriters.delete(rewriters.keys().next().value as string);
    rewriters.set(key, (rewriter = newRewriter(podBaseUrl, publicBaseUrl)));
  }
  return rewriter;
}

function newRewriter(podBaseUrl: string, publicBaseUrl: string): LinkRewriter {
  const podRoot = normalisedOrigin(serviceRoot(podBaseUrl));
  const publicRoot = serviceRoot(publicBaseUrl);
  const rootPath = podRoot.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  const under = (text: string, prefix: string): boolean =>
    text.startsWith(prefix) && (text.length === prefix.length || '/?#'.includes(text[prefix.length]));
  return (href) => {
    if (href.startsWith('/')) return under(href, rootPath) ? publicRoot + href.slice(rootPath.length) : href;
    // Pods spell their origin as podgate called it: the regex only for the odd differently-cased one.
    if (under(href, podRoot)) return publicRoot + href.slice(podRoot.length);
    const normalised = normalisedOrigin(href);
    return under(normalised, podRoot) ? publicRoot + href.slice(podRoot.length) : href;
  };
}

/**
 * The body with every `href` pointing at the pod rewritten to podgate's public URL. The input is not
 * modified; only the objects on the way to a rewritten link are copied.
 */
export function rewritePodLinks<T>(body: T, podBaseUrl: string, publicBaseUrl: string): T {
  return rewriteHrefs(body, podLinkRewriter(podBaseUrl, publicBaseUrl)) as T;
}

/** The pod's `Location` header (absolute or a path) as podgate's; undefined stays undefined. */
export function rewritePodLocation(location: string | undefined, podBaseUrl: string, publicBaseUrl: string): string | undefined {
  return location === undefined ? undefined : podLinkRewriter(podBaseUrl, publicBaseUrl)(location);
}

/** `links`, `servers_links`, `volumes_links`...: the only places Nova and Cinder put URLs of their own. */
const isLinksKey = (key: string): boolean => key === 'links' || key.endsWith('_links');

/**
 * Walks the body; only `href`s of objects in a links array are touched, so user data (metadata, tags,
 * descriptions) holding a URL is never altered.
 */
function rewriteHrefs(value: unknown, rewrite: (href: string) => string): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return mapArray(value, (item) => rewriteHrefs(item, rewrite));
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key in record) {
    const item = record[key];
    let next = item;
    if (isLinksKey(key) && Array.isArray(item)) next = mapArray(item, (link) => rewriteLink(link, rewrite));
    else if (key !== 'metadata') next = rewriteHrefs(item, rewrite);
    if (next !== item) (copy ??= { ...record })[key] = next;
  }
  return copy ?? value;
}

function rewriteLink(link: unknown, rewrite: (href: string) => string): unknown {
  const href = (link as { href?: unknown } | null)?.href;
  if (typeof href !== 'string') return link;
  const next = rewrite(href);
  return next === href ? link : { ...(link as object), href: next };
}

/** Array map that returns the same array when no element changed. */
function mapArray(items: readonly unknown[], map: (item: unknown) => unknown): unknown {
  let copy: unknown[] | undefined;
  for (let i = 0; i < items.length; i += 1) {
    const next = map(items[i]);
    if (next !== items[i]) (copy ??= items.slice())[i] = next;
  }
  return copy ?? items;
}
