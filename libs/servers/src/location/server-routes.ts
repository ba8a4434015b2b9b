import { Inject, Injectable, Optional } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@podgate/event-store';
import { findPod, type PodView } from '@podgate/pods';
import { READ_MODEL_SQL } from '@podgate/read-model';
import { listRoutings } from '@podgate/routing';
import type { SqlClient } from '@podgate/sql';
import { LRUCache } from 'lru-cache';
import { foldServerStreams } from '../commands/server-stream-writer';
import { resolveServersWriteOptions, SERVERS_WRITE_OPTIONS, type ServersWriteOptions } from '../commands/servers-write.options';
import { ServerNotFoundError } from '../domain/server.errors';
import { serverStream } from '../domain/server.stream';
import type { ServerLocation } from '../queries/locate-server/locate-server.query';

/** Where a server lives, as routed: its tenant, pod and user-visible AZ. */
export interface ServerRoute {
  readonly serverId: string;
  readonly projectId: string;
  readonly podId: string;
  readonly azName: string;
}

/**
 * Finds a server's pod for every call on it, without folding its stream on the hot path:
 * 1. memory: a server never changes pod, so a route once seen is kept (LRU-bounded). A deleted
 *    server's entry may outlive it here (or in another replica): the pod's 404 then answers the
 *    caller and evicts it.
 * 2. rm_routings, the projected table.
 * 3. the server's own stream, for read-your-writes while rm_routings lags behind a create.
 * Pods' rows are reused for a short while (their endpoints rarely change; a stale one for 2 s is fine).
 */
@Injectable()
export class ServerRoutes {
  private readonly routes: LRUCache<string, ServerRoute>;
  private readonly pods: LRUCache<string, PodView>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SQL) private readonly sql: SqlClient,
    @Optional() @Inject(SERVERS_WRITE_OPTIONS) options?: ServersWriteOptions,
  ) {
    const resolved = resolveServersWriteOptions(options);
    this.routes = new LRUCache({ max: resolved.routeCacheSize });
    this.pods = new LRUCache({ max: 1000, ttl: Math.max(1, resolved.podCacheMs) });
  }

  remember(route: ServerRoute): void {
    this.routes.set(route.serverId, route);
  }

  forget(serverId: string): void {
    this.routes.delete(serverId);
  }

  /**
   * `projectId` null: any tenant's (an admin). Unknown, deleted, not yet created, or another
   * tenant's server: ServerNotFoundError, Nova's 404, so ids of other tenants' servers are not confirmed.
   */
  async locate(serverId: string, projectId: string | null): Promise<ServerLocation> {
    const route = await this.route(serverId);
    if (!route || (projectId !== null && route.projectId !== projectId)) throw new ServerNotFoundError(serverId);
    const pod = await this.pod(route.podId);
    if (!pod) throw new ServerNotFoundError(serverId);
    return { serverId, projectId: route.projectId, azName: route.azName, pod };
  }

  private async route(serverId: string): Promise<ServerRoute | undefined> {
    if (serverId.length === 0) return undefined;
    const cached = this.routes.get(serverId);
    if (cached) return cached;
    const route = (await this.routeFromReadModel(serverId)) ?? (await this.routeFromStream(serverId));
    if (route) this.remember(route);
    return route;
  }

  private async routeFromReadModel(serverId: string): Promise<ServerRoute | undefined> {
    const [row] = await listRoutings(this.sql, { topId: serverId, resourceType: 'server', limit: 1 });
    return row && { serverId, projectId: row.projectId, podId: row.podId, azName: row.azName };
  }

  private async routeFromStream(serverId: string): Promise<ServerRoute | undefined> {
    const { state } = await foldServerStreams(this.store, [serverStream(serverId)]);
    if (state.status !== 'created') return undefined;
    const { projectId, podId, azName } = state.server;
    return { serverId, projectId, podId, azName };
  }

  private async pod(podId: string): Promise<PodView | undefined> {
    const cached = this.pods.get(podId);
    if (cached) return cached;
    const pod = await findPod(this.sql, podId);
    if (pod) this.pods.set(podId, pod);
    return pod;
  }
}
