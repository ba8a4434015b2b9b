import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { PODGATE_CONFIG, type PodgateConfig } from '@podgate/config';
import type { RequestContext } from '@podgate/kernel';
import { type ForwardedResponse, PodProxy, PodUnreachableError } from '@podgate/openstack';
import { READ_MODEL_SQL } from '@podgate/read-model';
import { listRoutings } from '@podgate/routing';
import {
  DeleteServerCommand,
  isNovaServerGone,
  LocateServerQuery,
  RecordServerGoneCommand,
  RequestServerActionCommand,
  type ServerForward,
  type ServerLocation,
} from '@podgate/servers';
import type { SqlExecutor } from '@podgate/sql';
import type { FastifyRequest } from 'fastify';
import { type ApiLinkBase, apiLinkBaseOf } from '../../api/links';
import { atLeast, computeVersionOf } from '../../api/microversion';
import { callerForward } from '../../api/forwarding/caller-forward';
import { DOWN_CELL_MIN_VERSION, downPodServerBody } from './down-pod-server.view';
import { type PodAnswer, podAnswer } from '../../api/forwarding/pod-answer';
import { viewServerBody } from './server-body-view';
import { ServerScope } from './server-scope';
import { COMPUTE_API } from '../../api/service-api';

/** How a successful answer's body is shown; by default as a server body of the server's pod. */
export type ServerView = (body: unknown, location: ServerLocation) => unknown;

const viewServerOf: ServerView = (body, location) => viewServerBody(body, location.pod);

/** One call on one server: where it goes, how it is forwarded, and how the answer is viewed. */
export interface ServerCall {
  readonly request: FastifyRequest;
  readonly context: RequestContext;
  readonly serverId: string;
}

/**
 * The calls on one existing server (show, update, delete, actions, sub-resources): locate its pod,
 * forward (writes through the servers slice, which records them), and answer with the pod's status
 * and a body whose links, AZ and metadata are podgate's.
 */
@Injectable()
export class ServerCalls {
  private readonly logger = new Logger(ServerCalls.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly scope: ServerScope,
    @Inject(PodProxy) private readonly proxy: Pick<PodProxy, 'forward'>,
    @Inject(PODGATE_CONFIG) private readonly config: Pick<PodgateConfig, 'http'>,
    @Inject(READ_MODEL_SQL) private readonly sql: SqlExecutor,
  ) {}

  locate(call: ServerCall): Promise<ServerLocation> {
    return this.queries.execute(new LocateServerQuery(call.serverId, this.scope.projectOf(call.context)));
  }

  /**
   * GET /servers/{id}. A pod that cannot be reached is Nova's down cell: from 2.69 a 200 with the
   * partial record podgate can build without it, below 2.69 the 503.
   */
  async show(call: ServerCall): Promise<PodAnswer> {
    const location = await this.locate(call);
    try {
      return await this.read(call, `/servers/${encodeURIComponent(call.serverId)}`, viewServerOf, location);
    } catch (error) {
      if (!(error instanceof PodUnreachableError) || !atLeast(computeVersionOf(call.request), DOWN_CELL_MIN_VERSION)) throw error;
      this.logger.warn(`server ${call.serverId} shown without pod ${location.pod.name}: ${error.message}`);
      return { status: 200, body: await this.downPodServer(call, location) };
    }
  }

  /**
   * A read, forwarded as is. Nova's own 404 for the server itself means it is gone: recorded
   * (RecordServerGone unroutes it for good, so any other 404, e.g. a proxy's page, must not).
   */
  async read(call: ServerCall, path: string, view: ServerView = viewServerOf, known?: ServerLocation): Promise<PodAnswer> {
    const location = known ?? (await this.locate(call));
    const response = await this.proxy.forward({
      ...callerForward(call.request, call.context, { method: 'GET', path }),
      pod: location.pod,
      projectId: call.context.caller.projectId,
      service: 'compute',
    });
    if (isNovaServerGone(response.status, response.body) && path === `/servers/${encodeURIComponent(call.serverId)}`)
      await this.recordGone(call);
    return this.answer(call, response, location, view);
  }

  /** A state-changing call, recorded by the servers slice as `action` (e.g. `reboot`, `PUT metadata`). */
  async write(
    call: ServerCall,
    action: string,
    forward: ServerForward,
    view: ServerView = viewServerOf,
    known?: ServerLocation,
  ): Promise<PodAnswer> {
    const location = known ?? (await this.locate(call));
    const response = await this.commands.execute(new RequestServerActionCommand(call.serverId, action, forward, call.context));
    return this.answer(call, response, location, view);
  }

  async delete(call: ServerCall): Promise<PodAnswer> {
    const location = await this.locate(call);
    const forward = callerForward(call.request, call.context, {
      method: 'DELETE',
      path: `/servers/${encodeURIComponent(call.serverId)}`,
    });
    const response: ForwardedResponse = await this.commands.execute(
      new DeleteServerCommand(call.serverId, forward, call.context),
    );
    return this.answer(call, response, location, (body) => body);
  }

  /** Where this request's links point (podgate's public URL, the client's URL form). */
  linkBase(request: FastifyRequest): ApiLinkBase {
    return apiLinkBaseOf(COMPUTE_API, request, this.config.http.publicUrl);
  }

  private answer(call: ServerCall, response: ForwardedResponse, location: ServerLocation, view: ServerView): PodAnswer {
    const links = { base: this.linkBase(call.request), podProjectId: call.context.caller.projectId };
    return podAnswer(response, location.pod.name, links, (body) => view(body, location));
  }

  private async downPodServer(call: ServerCall, location: ServerLocation): Promise<unknown> {
    const [route] = await listRoutings(this.sql, { topId: call.serverId, resourceType: 'server', limit: 1 });
    return downPodServerBody(
      { serverId: call.serverId, projectId: location.projectId, azName: location.azName, createdAt: route?.createdAt },
      computeVersionOf(call.request),
      this.linkBase(call.request),
    );
  }

  private async recordGone(call: ServerCall): Promise<void> {
    await this.commands.execute(new RecordServerGoneCommand(call.serverId, call.context)).catch((error: unknown) => {
      // The answer is the pod's 404 either way; the next look at the server records it again.
      this.logger.warn(`server ${call.serverId} gone from its pod, not recorded: ${String(error)}`);
    });
  }
}
