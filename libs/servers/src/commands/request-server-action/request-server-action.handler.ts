import { Inject, Logger, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@podgate/event-store';
import { type Clock, metadataFor, type RequestContext } from '@podgate/kernel';
import { type ForwardedResponse, PodProxy } from '@podgate/openstack';
import { forwardRecordedAction, tenantScopeOf } from '@podgate/routed-resources';
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
    const ids = { serverId, projectId, actionId };
    return forwardRecordedAction(this.proxy, this.logger, {
      request: { ...forward, pod, projectId: context.caller.projectId, service: 'compute' },
      what: `action ${actionId} on server ${serverId}`,
      requested: () => this.append(context, { type: 'ServerActionRequested', data: { ...ids, podId: pod.podId, action } }),
      succeeded: (status) => this.append(context, { type: 'ServerActionSucceeded', data: { ...ids, status } }),
      failed: (failure) => this.append(context, { type: 'ServerActionFailed', data: { ...ids, ...failure } }),
      // Only RecordServerGone, on Nova's own 404, unroutes.
      forgetRoute: () => this.routes.forget(serverId),
    });
  }

  private async append(context: RequestContext, event: ServerStreamEvent): Promise<void> {
    await appendServerEvents(this.store, [event], metadataFor(context, this.clock.now()));
  }
}
