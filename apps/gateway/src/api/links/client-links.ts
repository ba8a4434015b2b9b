import { rewritePodLinks, rewritePodLocation } from '@podgate/openstack';
import type { ApiLinkBase } from './api-link-base';

/**
 * A pod's answer with its links as this request's client must see them: on podgate's public URL
 * (rewritePodLinks), and in the URL form the client used. A pod puts the project segment in its
 * links when the URL podgate called had it (a templated catalog endpoint); the client's form is
 * what counts, as Nova and Cinder build links from the request URL. Works for any API: the base
 * names it (`base.api`). `podProjectId` is the project podgate
 * called the pod for (ForwardRequest.projectId).
 */
export function clientLinks<T>(body: T, podBaseUrl: string, base: ApiLinkBase, podProjectId: string): T {
  return inClientForm(rewritePodLinks(body, podBaseUrl, base.root + versionPath(base)), linkFormer(base, podProjectId));
}

/** The pod's `Location` header, the same way. */
export function clientLocation(
  location: string | undefined,
  podBaseUrl: string,
  base: ApiLinkBase,
  podProjectId: string,
): string | undefined {
  const rewritten = rewritePodLocation(location, podBaseUrl, base.root + versionPath(base));
  return rewritten === undefined ? undefined : linkFormer(base, podProjectId)(rewritten);
}

const versionPath = (base: ApiLinkBase): string => `/${base.api.versionSegment}`;

const under = (text: string, prefix: string): boolean =>
  text.startsWith(prefix) && (text.length === prefix.length || '/?#'.includes(text[prefix.length]));

/**
 * `<root>[/<version>][/<pod's project>]/<path>` -> `<root>[/<version>][/<client's project>]/<path>`; links
 * elsewhere (another host, Glance, a console proxy) and the roots themselves are left alone.
 */
function linkFormer(base: ApiLinkBase, podProjectId: string): (href: string) => string {
  const project = base.urlProjectId ? `/${base.urlProjectId}` : '';
  const versioned = versionPath(base);
  return (href) => {
    if (!under(href, base.root)) return href;
    let rest = href.slice(base.root.length);
    const version = under(rest, versioned) ? versioned : '';
    rest = rest.slice(version.length);
    if (podProjectId && under(rest, `/${podProjectId}`)) rest = rest.slice(podProjectId.length + 1);
    if (!rest.startsWith('/')) return href;
    return `${base.root}${version}${project}${rest}`;
  };
}

type Json = Record<string, unknown>;

/** `links`, `servers_links`, `volumes_links`...: where Nova and Cinder put their URLs; user data (metadata) is never walked. */
const isLinksKey = (key: string): boolean => key === 'links' || key.endsWith('_links');

/** Only what changes is copied (usually nothing: plain-form clients of pods called without a project). */
function inClientForm<T>(value: T, form: (href: string) => string): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return mapArray(value, (item) => inClientForm(item, form)) as T;
  let copy: Json | undefined;
  for (const [key, item] of Object.entries(value as Json)) {
    let next = item;
    if (isLinksKey(key) && Array.isArray(item)) next = mapArray(item, (link) => withHref(link, form));
    else if (key !== 'metadata') next = inClientForm(item, form);
    if (next !== item) setOwn((copy ??= { ...(value as Json) }), key, next);
  }
  return (copy ?? value) as T;
}

/** `target[key] = value`, except that a `__proto__` key of a pod's JSON stays an own property (not the prototype). */
function setOwn(target: Json, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function withHref(link: unknown, form: (href: string) => string): unknown {
  const href = (link as { href?: unknown } | null)?.href;
  if (typeof href !== 'string') return link;
  const next = form(href);
  return next === href ? link : { ...(link as Json), href: next };
}

function mapArray(items: readonly unknown[], map: (item: unknown) => unknown): unknown[] {
  let copy: unknown[] | undefined;
  items.forEach((item, i) => {
    const next = map(item);
    if (next !== item) (copy ??= items.slice())[i] = next;
  });
  return copy ?? (items as unknown[]);
}
