import { Inject, Logger, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@podgate/event-store';
import { type Clock, metadataFor, type RequestContext } from '@podgate/kernel';
import { type ForwardedResponse, PodProxy } from '@podgate/openstack';
import { failureOfAnswer, forwardRecorded, isSuccess, requestSecrets, tenantScopeOf } from '@podgate/routed-resources';
import type { ServerStreamEvent } from '../../domain/server.events';
import { serverActionIdFor } from '../../domain/server.stream';
import { ServerRoutes } from '../../location/server-routes';
import { appendServerEvents } from '../server-stream-writer';
import { resolveServersWriteOptions, SERVERS_WRITE_OPTIONS, type ServersWriteOptions } from '../servers-write.options';
import { RequestServerActionCommand } from './request-server-action.command';

/**
 * The hot path (target: 1,500 actions/s): locate from memory or rm_routings, append the request,
 * forward, append the outcome. No stream is folded: both appends use expected revision `any` and
 * ids derived from the request (serverEventIdFor), so a re-run writes nothing twice and an
 * action's first outcome stands. The decider's rules hold by construction: the request is appended
 * before its outcome, by this handler only.
 */
@CommandHandler(RequestServerActionCommand)
export class RequestServerActionHandler implements ICommandHandler<RequestServerActionCommand> {
  private readonly logger = new Logger(RequestServerActionHandler.name);
  private readonly clock: Clock;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PodProxy) private readonly proxy: Pick<PodProxy, 'forward'>,
    @Inject(ServerRoutes) private readonly routes: ServerRoutes,
    @Optional() @Inject(SERVERS_WRITE_OPTIONS) options?: ServersWriteOptions,
  ) {
    this.clock = resolveServersWriteOptions(options).clock;
  }

  async execute({ serverId, action, forward, context }: RequestServerActionCommand): Promise<ForwardedResponse> {
    const { pod, projectId } = await this.routes.locate(serverId, tenantScopeOf(context));
    const actionId = serverActionIdFor(context.requestId, serverId);
    await this.append(context, {
      type: 'ServerActionRequested',
      data: { serverId, podId: pod.podId, projectId, actionId, action },
    });
    const secrets = requestSecrets(forward.body, forward.token);
    const response = await forwardRecorded(
      this.proxy,
      { ...forward, pod, projectId: context.caller.projectId, service: 'compute' },
      secrets,
      (failure) => this.append(context, { type: 'ServerActionFailed', data: { serverId, projectId, actionId, ...failure } }),
      this.logger,
      `action ${actionId} on server ${serverId}`,
    );
    const { status } = response;
    // Maybe a stale route of a deleted server: look it up afresh next time (memory only; only
    // RecordServerGone, on Nova's own 404, unroutes).
    if (status === 404) this.routes.forget(serverId);
    await this.append(
      context,
      isSuccess(status)
        ? { type: 'ServerActionSucceeded', data: { serverId, projectId, actionId, status } }
        : { type: 'ServerActionFailed', data: { serverId, projectId, actionId, ...failureOfAnswer(response, secrets) } },
    );
    return response;
  }

  private async append(context: RequestContext, event: ServerStreamEvent): Promise<void> {
    await appendServerEvents(this.store, [event], metadataFor(context, this.clock.now()));
  }
}
