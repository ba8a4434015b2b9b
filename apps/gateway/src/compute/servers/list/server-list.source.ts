import type { PodProxy } from '@podgate/openstack';
import type { PodView } from '@podgate/pods';
import type { ServerForward } from '@podgate/servers';
import type { SortKey } from '../../../api/federation/federated-list';
import { hasNextLink, PodListSource, PodRefusedListError, podListQuery } from '../../../api/federation/pod-list-source';
import { clientLinks, type ApiLinkBase } from '../../../api/links';
import { viewServer } from '../server-body-view';
import { serverSortValues } from './server-sort-values';

export { hasNextLink, PodRefusedListError };

type Json = Record<string, unknown>;

/** One server of a merged list: as users see it (links, AZ, tag), and the pod it came from. */
export interface ListedServer {
  readonly server: Json;
  readonly pod: PodView;
}

export interface ServerListSourceOptions {
  readonly proxy: Pick<PodProxy, 'forward'>;
  readonly pods: readonly PodView[];
  /** The client's query pairs (filters, sort keys, all_tenants); limit and marker are the source's. */
  readonly pairs: readonly (readonly [string, string])[];
  readonly sortKeys: readonly SortKey[];
  /** The caller's call minus method, path and query. */
  readonly forward: Omit<ServerForward, 'method' | 'path' | 'query'>;
  /** The caller's project: the pods are called for it. */
  readonly projectId: string;
  readonly links: ApiLinkBase;
  readonly timeoutMs: number;
  /** Where the marker server lives, if podgate routed it (else every pod is asked). */
  readonly routeOf: (serverId: string) => Promise<PodView | null>;
}

/**
 * The servers of every pod a list covers, for listFederated: each pod's /servers/detail with the
 * client's filters and sort keys (the pod sorts), its own limit and marker, and the pod's AZ
 * translated both ways (the filter to the pod's own AZ, the bodies to the user's).
 */
export class ServerListSource extends PodListSource<ListedServer> {
  constructor(options: ServerListSourceOptions) {
    const { pairs, links, projectId } = options;
    super(
      {
        service: 'compute',
        listPath: '/servers/detail',
        listKey: 'servers',
        memberKey: 'server',
        podQuery: (pod, page) => podQuery(pairs, pod, page),
        item: (raw, pod, response) => ({ server: viewServer(clientLinks(raw, response.podBaseUrl, links, projectId), pod), pod }),
        sortValues: (item, keys) => serverSortValues(item.server, keys),
        id: (item) => String(item.server.id),
      },
      options,
    );
  }
}

/**
 * The pod's query: the client's pairs without limit and marker, then the page's own. An
 * `availability_zone` filter is a regex over user-visible AZs, as Nova's (see podListQuery).
 */
export function podQuery(
  pairs: readonly (readonly [string, string])[],
  pod: Pick<PodView, 'azName' | 'podAzName'>,
  page: { readonly limit: number; readonly marker?: string },
): string | null {
  return podListQuery(pairs, pod, page, azFilterMatches);
}

/** null when the filter is no valid JavaScript regex: then the pod judges it as it stands. */
function azFilterMatches(pattern: string, azName: string): boolean | null {
  try {
    return new RegExp(pattern).test(azName);
  } catch {
    return null;
  }
}
