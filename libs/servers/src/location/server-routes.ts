import { Inject, Injectable, Optional } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@podgate/event-store';
import { READ_MODEL_SQL } from '@podgate/read-model';
import { ResourceRoutes } from '@podgate/routed-resources';
import type { SqlClient } from '@podgate/sql';
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
 * Finds a server's pod for every call on it, without folding its stream on the hot path: memory,
 * then rm_routings, then the server's own stream (read-your-writes), as every routed resource does
 * (ResourceRoutes). Unknown, deleted, or another tenant's server: ServerNotFoundError, Nova's 404.
 */
@Injectable()
export class ServerRoutes {
  private readonly routes: ResourceRoutes;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL_SQL) sql: SqlClient,
    @Optional() @Inject(SERVERS_WRITE_OPTIONS) options?: ServersWriteOptions,
  ) {
    const fromStream = async (serverId: string) => {
      const { state } = await foldServerStreams(store, [serverStream(serverId)]);
      if (state.status !== 'created') return undefined;
      const { projectId, podId, azName } = state.server;
      return { id: serverId, projectId, podId, azName };
    };
    const source = { resourceType: 'server' as const, fromStream, notFound: (id: string) => new ServerNotFoundError(id) };
    this.routes = new ResourceRoutes(sql, source, resolveServersWriteOptions(options));
  }

  remember({ serverId, ...route }: ServerRoute): void {
    this.routes.remember({ id: serverId, ...route });
  }

  forget(serverId: string): void {
    this.routes.forget(serverId);
  }

  /** `projectId` null: any tenant's (an admin). */
  async locate(serverId: string, projectId: string | null): Promise<ServerLocation> {
    const { id, ...location } = await this.routes.locate(serverId, projectId);
    return { serverId: id, ...location };
  }
}
