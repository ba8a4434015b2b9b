import { Inject, Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { PODGATE_CONFIG, type PodgateConfig } from '@podgate/config';
import type { RequestContext } from '@podgate/kernel';
import { PodProxy, PodUnreachableError } from '@podgate/openstack';
import { READ_MODEL_SQL } from '@podgate/read-model';
import { listRoutings } from '@podgate/routing';
import {
  DeleteServerCommand,
  isNovaServerGone,
  LocateServerQuery,
  RecordServerGoneCommand,
  RequestServerActionCommand,
  type ServerLocation,
  tenantScopeOf,
} from '@podgate/servers';
import type { SqlExecutor } from '@podgate/sql';
import type { FastifyRequest } from 'fastify';
import { RoutedCalls, type RoutedResources, type RoutedView } from '../../api/forwarding/routed-calls';
import type { PodAnswer } from '../../api/forwarding/pod-answer';
import { atLeast, computeVersionOf } from '../../api/microversion';
import { COMPUTE_API } from '../../api/service-api';
import { DOWN_CELL_MIN_VERSION, downPodServerBody } from './down-pod-server.view';
import { viewServerBody } from './server-body-view';

/** How a successful answer's body is shown; by default as a server body of the server's pod. */
export type ServerView = RoutedView<ServerLocation>;

/** One call on one server: where it goes, how it is forwarded, and how the answer is viewed. */
export interface ServerCall {
  readonly request: FastifyRequest;
  readonly context: RequestContext;
  readonly serverId: string;
}

const serverPath = (call: ServerCall): string => `/servers/${encodeURIComponent(call.serverId)}`;

/** Servers as routed resources: the servers slice's commands, Nova's "gone", a server body's view. */
const SERVERS: RoutedResources<ServerCall, ServerLocation> = {
  api: COMPUTE_API,
  describe: (call) => `server ${call.serverId}`,
  itemPath: serverPath,
  locate: (call) => new LocateServerQuery(call.serverId, tenantScopeOf(call.context)),
  isGone: isNovaServerGone,
  action: (call, action, forward) => new RequestServerActionCommand(call.serverId, action, forward, call.context),
  delete: (call, forward) => new DeleteServerCommand(call.serverId, forward, call.context),
  gone: (call) => new RecordServerGoneCommand(call.serverId, call.context),
  view: (body, location) => viewServerBody(body, location.pod),
};

/**
 * The calls on one existing server (show, update, delete, actions, sub-resources): the routed calls
 * every slice shares (api/forwarding), and Nova's down-cell show.
 */
@Injectable()
export class ServerCalls extends RoutedCalls<ServerCall, ServerLocation> {
  constructor(
    commands: CommandBus,
    queries: QueryBus,
    @Inject(PodProxy) proxy: Pick<PodProxy, 'forward'>,
    @Inject(PODGATE_CONFIG) config: Pick<PodgateConfig, 'http'>,
    @Inject(READ_MODEL_SQL) private readonly sql: SqlExecutor,
  ) {
    super(SERVERS, commands, queries, proxy, config, ServerCalls.name);
  }

  /**
   * GET /servers/{id}. A pod that cannot be reached is Nova's down cell: from 2.69 a 200 with the
   * partial record podgate can build without it, below 2.69 the 503.
   */
  async show(call: ServerCall): Promise<PodAnswer> {
    const location = await this.locate(call);
    try {
      return await this.read(call, serverPath(call), undefined, location);
    } catch (error) {
      if (!(error instanceof PodUnreachableError) || !atLeast(computeVersionOf(call.request), DOWN_CELL_MIN_VERSION)) throw error;
      this.logger.warn(`server ${call.serverId} shown without pod ${location.pod.name}: ${error.message}`);
      return { status: 200, body: await this.downPodServer(call, location) };
    }
  }

  private async downPodServer(call: ServerCall, location: ServerLocation): Promise<unknown> {
    const [route] = await listRoutings(this.sql, { topId: call.serverId, resourceType: 'server', limit: 1 });
    return downPodServerBody(
      { serverId: call.serverId, projectId: location.projectId, azName: location.azName, createdAt: route?.createdAt },
      computeVersionOf(call.request),
      this.linkBase(call.request),
    );
  }
}
