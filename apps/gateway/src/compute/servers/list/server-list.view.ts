import type { RoutedServer } from '@podgate/servers';
import { novaIsoTime } from '../down-pod-server.view';
import { collectionLinks, type ApiLinkBase, type QueryPairs, resourceLinks } from '../../../api/links';
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
  readonly base: ApiLinkBase;
  /** The client's query, for the next link. */
  readonly pairs: QueryPairs;
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
  const collection = kind === 'detail' ? 'servers/detail' : 'servers';
  const next = collectionLinks(links.base, collection, links.pairs, {
    length: servers.length,
    maxItems: page.limit,
    lastId: last === undefined ? undefined : String(last.id),
  });
  if (next.length > 0) answer.servers_links = next;
  return answer;
}

function unknownEntry(kind: ServerListKind, routed: RoutedServer, links: ServerListLinks): Json {
  const entry: Json = { id: routed.serverId, status: 'UNKNOWN' };
  if (kind === 'detail') {
    entry.tenant_id = routed.projectId;
    entry.created = novaIsoTime(routed.createdAt);
  }
  entry.links = resourceLinks(links.base, 'servers', routed.serverId);
  return entry;
}
