import type { ForwardedResponse, PodProxy } from '@podgate/openstack';
import { TaggedResourcesNotListedError } from '@podgate/routed-resources';
import type { PodView } from '@podgate/pods';
import { PROVISIONING_METADATA_KEY } from '../../domain/server.stream';

/**
 * Who asks the pod, and as whom: the creating caller's token sees exactly the caller's servers.
 * `projectId` is the tenant whose servers are sought (and fills a `%(project_id)s` in the endpoint).
 */
export interface PodCaller {
  readonly pod: PodView;
  readonly projectId: string;
  readonly token: string;
  readonly globalRequestId?: string;
}

export interface TaggedServersOptions {
  /**
   * Ask with `all_tenants` and the tenant's `project_id` filter: for podgate's service token, which
   * sees the tenant's servers only so (Nova answers 403 when the token lacks the admin role).
   */
  readonly allTenants?: boolean;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

const PAGE_SIZE = 1000;
/** A create makes at most the tenant's instance quota of servers; this only stops a pod that pages forever. */
const MAX_PAGES = 20;

/**
 * The ids of the servers on the pod carrying this provisioning's tag, in the order Nova named
 * them (`<name>-1`, `<name>-2`, ...). Nova cannot filter by metadata, so the list is narrowed by
 * its name regex (a multi-create's names all start with the requested name) and then by the tag.
 * SECURITY: a server of another project carrying the tag (someone copied it) is never taken.
 */
export async function findTaggedServers(
  proxy: Pick<PodProxy, 'forward'>,
  caller: PodCaller,
  name: string,
  provisioningId: string,
  options: TaggedServersOptions = {},
): Promise<TaggedServers> {
  const found: { id: string; name: string }[] = [];
  let podBaseUrl = '';
  let marker: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ name: `^${escapeRegex(name)}`, limit: String(PAGE_SIZE) });
    if (options.allTenants) {
      query.set('all_tenants', '1');
      query.set('project_id', caller.projectId);
    }
    if (marker) query.set('marker', marker);
    const response = await proxy.forward({
      pod: caller.pod,
      service: 'compute',
      projectId: caller.projectId,
      method: 'GET',
      path: '/servers/detail',
      query: query.toString(),
      token: caller.token,
      globalRequestId: caller.globalRequestId,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
    });
    podBaseUrl = response.podBaseUrl;
    const servers = serversOf(response);
    for (const server of servers) {
      const ours = server.tenantId === undefined || server.tenantId === caller.projectId;
      if (ours && server.metadata[PROVISIONING_METADATA_KEY] === provisioningId) found.push({ id: server.id, name: server.name });
    }
    if (servers.length < PAGE_SIZE) break;
    marker = servers[servers.length - 1].id;
  }
  found.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  return { serverIds: found.map((server) => server.id), podBaseUrl };
}

export interface TaggedServers {
  readonly serverIds: string[];
  /** The pod's compute root as the proxy resolved it, for links to the servers found. */
  readonly podBaseUrl: string;
}

interface ListedServer {
  readonly id: string;
  readonly name: string;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly tenantId: string | undefined;
}

/** A failed list is an error: "no tagged server" must mean the pod said so, not that it refused to say. */
function serversOf(response: ForwardedResponse): ListedServer[] {
  const servers = (response.body as { servers?: unknown } | undefined)?.servers;
  if (response.status !== 200 || !Array.isArray(servers)) {
    throw new TaggedResourcesNotListedError(response.status);
  }
  return servers.flatMap((server: unknown) => {
    const s = server as { id?: unknown; name?: unknown; metadata?: unknown; tenant_id?: unknown };
    if (typeof s.id !== 'string') return [];
    const metadata = typeof s.metadata === 'object' && s.metadata !== null ? (s.metadata as Record<string, unknown>) : {};
    const tenantId = typeof s.tenant_id === 'string' ? s.tenant_id : undefined;
    return [{ id: s.id, name: typeof s.name === 'string' ? s.name : '', metadata, tenantId }];
  });
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
