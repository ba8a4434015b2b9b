import { Inject, Logger, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@podgate/event-store';
import { type Clock, metadataFor, type RequestContext } from '@podgate/kernel';
import { type ForwardedResponse, PodProxy } from '@podgate/openstack';
import { forwardRecordedDelete, tenantScopeOf } from '@podgate/routed-resources';
import { isNovaServerGone } from '../../domain/nova-server-gone';
import type { ServerStreamEvent } from '../../domain/server.events';
import { serverDeleteIdFor } from '../../domain/server.stream';
import { ServerRoutes } from '../../location/server-routes';
import { RecordServerGoneCommand } from '../record-server-gone/record-server-gone.command';
import { RecordServerGoneHandler } from '../record-server-gone/record-server-gone.handler';
import { appendServerEvents } from '../server-stream-writer';
import { resolveServersWriteOptions, SERVERS_WRITE_OPTIONS, type ServersWriteOptions } from '../servers-write.options';
import { DeleteServerCommand } from './delete-server.command';
import { DeletionConfirmer } from './deletion-confirmer';

/**
 * Records the request (hot-path append, like an action), forwards, and answers with the pod's
 * answer at once. What the pod's answer means for the route:
 * - 2xx: the pod deletes in the background; DeletionConfirmer records ServerDeleted (naming this
 *   delete) once the pod answers Nova's 404 for the server;
 * - Nova's own 404 (isNovaServerGone): already gone (deleted on the pod directly): recorded now;
 * - anything else (409 locked, 403, a 5xx, a proxy's 404), or no answer: ServerDeleteFailed, and the
 *   route stays. A thrown error (pod unreachable) goes back as is.
 */
@CommandHandler(DeleteServerCommand)
export class DeleteServerHandler implements ICommandHandler<DeleteServerCommand> {
  private readonly logger = new Logger(DeleteServerHandler.name);
  private readonly clock: Clock;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PodProxy) private readonly proxy: Pick<PodProxy, 'forward'>,
    @Inject(ServerRoutes) private readonly routes: ServerRoutes,
    @Inject(DeletionConfirmer) private readonly confirmer: Pick<DeletionConfirmer, 'watch'>,
    @Inject(RecordServerGoneHandler) private readonly gone: Pick<RecordServerGoneHandler, 'execute'>,
    @Optional() @Inject(SERVERS_WRITE_OPTIONS) options?: ServersWriteOptions,
  ) {
    this.clock = resolveServersWriteOptions(options).clock;
  }

  async execute({ serverId, forward, context }: DeleteServerCommand): Promise<ForwardedResponse> {
    const location = await this.routes.locate(serverId, tenantScopeOf(context));
    const { pod } = location;
    const deleteId = serverDeleteIdFor(context.requestId, serverId);
    const identity = { serverId, podId: pod.podId, projectId: location.projectId, deleteId };
    const projectId = context.caller.projectId;
    return forwardRecordedDelete(this.proxy, this.logger, {
      request: { ...forward, pod, projectId, service: 'compute' },
      what: `delete ${deleteId} of server ${serverId}`,
      requested: () => this.append(context, { type: 'ServerDeleteRequested', data: identity }),
      failed: (failure) => this.append(context, { type: 'ServerDeleteFailed', data: { ...identity, ...failure } }),
      accepted: () => this.confirmer.watch({ serverId, pod, projectId, callerToken: forward.token, context, deleteId }),
      isGone: ({ status, body }) => isNovaServerGone(status, body),
      gone: () => this.gone.execute(new RecordServerGoneCommand(serverId, context)),
    });
  }

  private async append(context: RequestContext, event: ServerStreamEvent): Promise<void> {
    await appendServerEvents(this.store, [event], metadataFor(context, this.clock.now()));
  }
}
