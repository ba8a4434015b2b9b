import { Inject, Injectable, Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { PODGATE_CONFIG, type PodgateConfig } from '@podgate/config';
import type { RequestContext } from '@podgate/kernel';
import { PodProxy } from '@podgate/openstack';
import type { PodView } from '@podgate/pods';
import {
  ListRoutedServersQuery,
  ListServerPodsQuery,
  LocateServerQuery,
  type RoutedServer,
  type ServerForward,
} from '@podgate/servers';
import { listFederated } from '../../../api/federation/federated-list';
import type { ApiVersion } from '../../../api/microversion';
import { type ServerListParams, MAX_LIMIT } from './server-list.params';
import { type ServerListKind, type ServerListLinks, serverListAnswer } from './server-list.view';
import { ServerListSource } from './server-list.source';

export interface ServerListRequest {
  readonly kind: ServerListKind;
  readonly params: ServerListParams;
  readonly version: ApiVersion;
  readonly context: RequestContext;
  readonly forward: Omit<ServerForward, 'method' | 'path' | 'query'>;
  readonly links: ServerListLinks;
  readonly signal?: AbortSignal;
}

/**
 * GET /servers[/detail] over every pod holding the caller's servers (every active pod for
 * all_tenants): one merged, paged list. A pod that fails or is slow is left out, logged, and from
 * 2.69 (when the query allows, as Nova's down cells) its routed servers show as UNKNOWN; the answer
 * is a 200 either way.
 */
@Injectable()
export class ServerLister {
  private readonly logger = new Logger(ServerLister.name);
  private downPodAnswers = 0;

  constructor(
    private readonly queries: QueryBus,
    @Inject(PodProxy) private readonly proxy: Pick<PodProxy, 'forward'>,
    @Inject(PODGATE_CONFIG) private readonly config: Pick<PodgateConfig, 'upstream'>,
  ) {}

  /** Lists answered without some pod, since start-up (for operators and tests). */
  get listsMissingPods(): number {
    return this.downPodAnswers;
  }

  async list(request: ServerListRequest): Promise<Record<string, unknown>> {
    const { params, context } = request;
    const scope = params.allTenants ? null : context.caller.projectId;
    const pods: PodView[] = await this.queries.execute(new ListServerPodsQuery(scope));
    const source = new ServerListSource({
      proxy: this.proxy,
      pods,
      pairs: params.pairs,
      sortKeys: params.sortKeys,
      forward: request.forward,
      projectId: context.caller.projectId,
      links: request.links.base,
      timeoutMs: this.config.upstream.listTimeoutMs,
      routeOf: (serverId) => this.routeOf(serverId, scope),
    });
    const page = await listFederated(source, {
      limit: params.limit,
      marker: params.marker,
      sortKeys: params.sortKeys,
      podTimeoutMs: this.config.upstream.listTimeoutMs,
      signal: request.signal,
    });
    let unknown: RoutedServer[] = [];
    if (page.failedPods.length > 0) {
      this.downPodAnswers += 1;
      for (const { pod, reason } of page.failedPods) this.logger.warn(`server list without pod ${pod.name}: ${reason}`);
      if (params.unknownForDownPods)
        unknown = await this.unknownServers(
          scope,
          page.failedPods.map(({ pod }) => pod.podId),
          page.items.length,
        );
    }
    return serverListAnswer(request.kind, { items: page.items, limit: params.limit, unknown }, request.links);
  }

  /** Nova's _generate_minimal_construct_for_down_cells: as many as the page has room for. */
  private async unknownServers(scope: string | null, podIds: string[], shown: number): Promise<RoutedServer[]> {
    const routed: RoutedServer[] = await this.queries.execute(new ListRoutedServersQuery(scope, podIds));
    return routed.slice(0, Math.max(0, MAX_LIMIT - shown));
  }

  private async routeOf(serverId: string, scope: string | null): Promise<PodView | null> {
    try {
      return (await this.queries.execute(new LocateServerQuery(serverId, scope))).pod;
    } catch {
      return null;
    }
  }
}
