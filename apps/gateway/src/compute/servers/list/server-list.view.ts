import type { RoutedServer } from '@podgate/servers';
import { novaIsoTime, serverLinks } from '../down-pod-server.view';
import type { ListedServer } from './server-list.source';

type Json = Record<string, unknown>;

export type ServerListKind = 'index' | 'detail';

export interface ServerListPage {
  readonly items: readonly ListedServer[];
  /** The page size asked, after Nova's max_limit cap (1000 when the client gave none). */
  readonly limit: number;
  /** Servers of pods that did not answer, shown as UNKNOWN entries first (2.69+, Nova's down cells). */
  readonly unknown: readonly RoutedServer[];
}

export interface ServerListLinks {
  /** podgate's `<public>/compute/v2.1`. */
  readonly publicCompute: string;
  /** podgate's `<public>/compute`, the bookmark root. */
  readonly publicBookmark: string;
  readonly pairs: readonly (readonly [string, string])[];
}

/**
 * Nova's list answers (views/servers.py): `/servers` shows id, name and links (built here from the
 * detail the pods gave), `/servers/detail` the whole server. Down pods' servers come first, as
 * Nova's minimal constructs for down cells: id, status UNKNOWN and links, plus tenant_id and created
 * in the detail. `servers_links` has a next link whenever the page is full, as Nova's
 * _get_collection_links: the last page may carry one that leads to an empty page (clients following
 * next links, openstacksdk's included, stop at an empty page).
 */
export function serverListAnswer(kind: ServerListKind, page: ServerListPage, links: ServerListLinks): Json {
  const unknown = page.unknown.map((routed) => unknownEntry(kind, routed, links));
  const known = page.items.map(({ server }) =>
    kind === 'detail' ? server : { id: server.id, name: server.name, links: server.links },
  );
  const servers = [...unknown, ...known];
  const answer: Json = { servers };
  // Nova counts the down cells' minimal entries too; the marker is the page's last id, whichever it is.
  const last = servers.at(-1);
  if (page.limit > 0 && servers.length === page.limit && last)
    answer.servers_links = [{ rel: 'next', href: nextHref(kind, String(last.id), links) }];
  return answer;
}

function unknownEntry(kind: ServerListKind, routed: RoutedServer, links: ServerListLinks): Json {
  const entry: Json = { id: routed.serverId, status: 'UNKNOWN' };
  if (kind === 'detail') {
    entry.tenant_id = routed.projectId;
    entry.created = novaIsoTime(routed.createdAt);
  }
  entry.links = serverLinks(routed.serverId, links);
  return entry;
}

/**
 * Nova's _get_next_link: the request's parameters sorted by name (one value each, the last, as its
 * OrderedDict keeps them), `marker` set to the last id, urlencoded as Python's quote_plus does.
 */
function nextHref(kind: ServerListKind, marker: string, links: ServerListLinks): string {
  const params = new Map<string, string>();
  for (const [key, value] of [...links.pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) params.set(key, value);
  params.set('marker', marker);
  const query = [...params].map(([key, value]) => `${quotePlus(key)}=${quotePlus(value)}`).join('&');
  return `${links.publicCompute}/servers${kind === 'detail' ? '/detail' : ''}?${query}`;
}

const quotePlus = (text: string): string =>
  encodeURIComponent(text)
    .replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
