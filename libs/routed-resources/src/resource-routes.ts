import { findPod, type PodView } from '@podgate/pods';
import { listRoutings, type RoutedResourceType } from '@podgate/routing';
import type { SqlExecutor } from '@podgate/sql';
import { LRUCache } from 'lru-cache';
import type { ResolvedRoutedWriteOptions } from './routed-write.options';

/** Where a routed resource lives, as routed: its tenant, pod and user-visible AZ. */
export interface ResourceRoute {
  readonly id: string;
  readonly projectId: string;
  readonly podId: string;
  readonly azName: string;
}

export interface ResourceLocation {
  readonly id: string;
  readonly projectId: string;
  /** The user-visible AZ. */
  readonly azName: string;
  readonly pod: PodView;
}

export interface ResourceRoutesSource {
  readonly resourceType: RoutedResourceType;
  /** The route as the resource's own stream knows it, for read-your-writes while rm_routings lags. */
  readonly fromStream: (id: string) => Promise<ResourceRoute | undefined>;
  /** The API's own 404 for an unknown (or another tenant's) id, in its words. */
  readonly notFound: (id: string) => Error;
}

/**
 * Finds a routed resource's pod for every call on it, without folding its stream on the hot path:
 * 1. memory: a resource never changes pod, so a route once seen is kept (LRU-bounded). A deleted
 *    resource's entry may outlive it here (or in another replica): the pod's 404 then answers the
 *    caller and evicts it.
 * 2. rm_routings, the projected table.
 * 3. the resource's own stream, for read-your-writes while rm_routings lags behind a create.
 * Pods' rows are reused for a short while (their endpoints rarely change; a stale one for 2 s is fine).
 */
export class ResourceRoutes {
  private readonly routes: LRUCache<string, ResourceRoute>;
  private readonly pods: LRUCache<string, PodView>;

  constructor(
    private readonly sql: SqlExecutor,
    private readonly source: ResourceRoutesSource,
    options: Pick<ResolvedRoutedWriteOptions, 'routeCacheSize' | 'podCacheMs'>,
  ) {
    this.routes = new LRUCache({ max: options.routeCacheSize });
    this.pods = new LRUCache({ max: 1000, ttl: Math.max(1, options.podCacheMs) });
  }

  remember(route: ResourceRoute): void {
    this.routes.set(route.id, route);
  }

  forget(id: string): void {
    this.routes.delete(id);
  }

  /**
   * `projectId` null: any tenant's (an admin). Unknown, deleted, not yet created, or another
   * tenant's resource: the source's not-found error, so ids of other tenants' resources are not confirmed.
   */
  async locate(id: string, projectId: string | null): Promise<ResourceLocation> {
    const route = await this.route(id);
    if (!route || (projectId !== null && route.projectId !== projectId)) throw this.source.notFound(id);
    const pod = await this.pod(route.podId);
    if (!pod) throw this.source.notFound(id);
    return { id, projectId: route.projectId, azName: route.azName, pod };
  }

  private async route(id: string): Promise<ResourceRoute | undefined> {
    if (id.length === 0) return undefined;
    const cached = this.routes.get(id);
    if (cached) return cached;
    const route = (await this.routeFromReadModel(id)) ?? (await this.source.fromStream(id));
    if (route) this.remember(route);
    return route;
  }

  private async routeFromReadModel(id: string): Promise<ResourceRoute | undefined> {
    const [row] = await listRoutings(this.sql, { topId: id, resourceType: this.source.resourceType, limit: 1 });
    return row && { id, projectId: row.projectId, podId: row.podId, azName: row.azName };
  }

  private async pod(podId: string): Promise<PodView | undefined> {
    const cached = this.pods.get(podId);
    if (cached) return cached;
    const pod = await findPod(this.sql, podId);
    if (pod) this.pods.set(podId, pod);
    return pod;
  }
}
