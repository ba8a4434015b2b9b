import { DomainError, type ErrorKind } from '@podgate/kernel';
import { type ForwardedResponse, mapUpstreamFailure, openStackErrorMessage, type PodProxy } from '@podgate/openstack';
import type { PodView } from '@podgate/pods';
import type { ServerForward } from '@podgate/servers';
import type { FederatedListSource, ListedPod, PodPage, PodPageRequest, SortKey } from '../../../api/federation/federated-list';
import { clientLinks, type ComputeLinkBase } from '../../../api/links';
import { viewServer } from '../server-body-view';
import { serverSortValues } from './server-sort-values';

type Json = Record<string, unknown>;

/** One server of a merged list: as users see it (links, AZ, tag), and the pod it came from. */
export interface ListedServer {
  readonly server: Json;
  readonly pod: PodView;
}

/** A pod refused the list itself (a bad filter, a forbidden sort key...): every pod would, so it is the answer. */
export class PodRefusedListError extends DomainError {
  readonly code = 'SERVERS.LIST_REFUSED';
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
  }
}

const REFUSAL_KINDS: Readonly<Record<number, ErrorKind>> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  406: 'notAcceptable',
};

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
  readonly links: ComputeLinkBase;
  readonly timeoutMs: number;
  /** Where the marker server lives, if podgate routed it (else every pod is asked). */
  readonly routeOf: (serverId: string) => Promise<PodView | null>;
}

/**
 * The servers of every pod a list covers, for listFederated: each pod's /servers/detail with the
 * client's filters and sort keys (the pod sorts), its own limit and marker, and the pod's AZ
 * translated both ways (the filter to the pod's own AZ, the bodies to the user's).
 */
export class ServerListSource implements FederatedListSource<ListedServer> {
  readonly pods: readonly ListedPod[];
  private readonly byId: ReadonlyMap<string, PodView>;
  private readonly keys: readonly string[];

  constructor(private readonly options: ServerListSourceOptions) {
    this.pods = options.pods.map((pod) => ({ podId: pod.podId, name: pod.name, index: Number(pod.registrationSeq) }));
    this.byId = new Map(options.pods.map((pod) => [pod.podId, pod]));
    this.keys = options.sortKeys.map((sort) => sort.key);
  }

  /** The pod's page, and whether it says another follows (its next link), so a pod that ran out is asked no more. */
  async fetchPage(listed: ListedPod, request: PodPageRequest): Promise<PodPage<ListedServer>> {
    const pod = this.pod(listed);
    const query = podQuery(this.options.pairs, pod, request);
    if (query === null) return { items: [], more: false };
    const response = await this.get(pod, '/servers/detail', query, request.signal);
    const body = response.body as { servers?: unknown; servers_links?: unknown } | undefined;
    if (!Array.isArray(body?.servers)) throw new Error(`${pod.name} answered a server list without servers`);
    return {
      items: body.servers.map((server) => this.listed(server as Json, pod, response)),
      more: hasNextLink(body.servers_links),
    };
  }

  sortValues(item: ListedServer): readonly unknown[] {
    return serverSortValues(item.server, this.keys);
  }

  id(item: ListedServer): string {
    return String(item.server.id);
  }

  async locateMarker(markerId: string, signal: AbortSignal): Promise<{ pod: ListedPod; item: ListedServer } | null> {
    const routed = await this.options.routeOf(markerId);
    const candidates = routed && this.byId.has(routed.podId) ? [routed] : this.options.pods;
    const found = await Promise.all(candidates.map((pod) => this.show(pod, markerId, signal).catch(() => null)));
    const item = found.find((hit): hit is ListedServer => hit !== null);
    if (!item) return null;
    return { pod: this.pods.find((listed) => listed.podId === item.pod.podId) as ListedPod, item };
  }

  private async show(pod: PodView, serverId: string, signal: AbortSignal): Promise<ListedServer | null> {
    const response = await this.get(pod, `/servers/${encodeURIComponent(serverId)}`, '', signal, false);
    if (response.status !== 200) return null;
    const server = (response.body as { server?: unknown } | undefined)?.server;
    return server ? this.listed(server as Json, pod, response) : null;
  }

  private listed(server: Json, pod: PodView, response: ForwardedResponse): ListedServer {
    const { links, projectId } = this.options;
    return { server: viewServer(clientLinks(server, response.podBaseUrl, links, projectId), pod), pod };
  }

  private async get(pod: PodView, path: string, query: string, signal: AbortSignal, failOnRefusal = true) {
    const response = await this.options.proxy.forward({
      ...this.options.forward,
      pod,
      projectId: this.options.projectId,
      service: 'compute',
      method: 'GET',
      path,
      ...(query ? { query } : {}),
      timeoutMs: this.options.timeoutMs,
      signal,
    });
    if (response.status >= 500)
      throw mapUpstreamFailure({ upstream: `${pod.name} compute`, status: response.status, body: response.body });
    if (response.status >= 400 && failOnRefusal) {
      const kind = REFUSAL_KINDS[response.status];
      const message = openStackErrorMessage(response.body) ?? `${pod.name} compute answered HTTP ${response.status}`;
      throw kind
        ? new PodRefusedListError(kind, message)
        : new Error(`${pod.name} compute answered HTTP ${response.status}: ${message}`);
    }
    return response;
  }

  private pod(listed: ListedPod): PodView {
    return this.byId.get(listed.podId) as PodView;
  }
}

/**
 * The pod's query: the client's pairs without limit and marker, then the page's own. An
 * `availability_zone` filter (a regex, as Nova's) names user-visible AZs: a pod whose AZ it does not
 * match has nothing to show (null), one whose AZ it matches is asked for its own AZ.
 */
export function podQuery(
  pairs: readonly (readonly [string, string])[],
  pod: Pick<PodView, 'azName' | 'podAzName'>,
  page: { readonly limit: number; readonly marker?: string },
): string | null {
  const out = new URLSearchParams();
  for (const [key, value] of pairs) {
    if (key === 'limit' || key === 'marker') continue;
    if (key === 'availability_zone') {
      const matches = azFilterMatches(value, pod.azName);
      if (matches === false) return null;
      // The pod's own name, plain: Nova reads it as a regex, the pod has no other AZ it could match.
      out.append(key, matches ? pod.podAzName : value);
      continue;
    }
    out.append(key, value);
  }
  out.append('limit', String(page.limit));
  if (page.marker !== undefined) out.append('marker', page.marker);
  return out.toString();
}

/**
 * Whether a pod's `servers_links` has a `next` entry: Nova adds one exactly when the page is as long
 * as the limit after its own max_limit cap, so without it the pod has nothing more to give.
 */
export function hasNextLink(links: unknown): boolean {
  return Array.isArray(links) && links.some((link) => (link as { rel?: unknown } | null)?.rel === 'next');
}

/** null when the filter is no valid JavaScript regex: then the pod judges it as it stands. */
function azFilterMatches(pattern: string, azName: string): boolean | null {
  try {
    return new RegExp(pattern).test(azName);
  } catch {
    return null;
  }
}
