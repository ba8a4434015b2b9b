import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@podgate/event-store';
import { type Clock, metadataFor } from '@podgate/kernel';
import { type ForwardedResponse, PodProxy } from '@podgate/openstack';
import { serverDeleteIdFor } from '../../domain/server.stream';
import { ServerRoutes } from '../../location/server-routes';
import { tenantScopeOf } from '../../location/tenant-scope';
import { isSuccess } from '../pod-failure';
import { RecordServerGoneCommand } from '../record-server-gone/record-server-gone.command';
import { RecordServerGoneHandler } from '../record-server-gone/record-server-gone.handler';
import { appendServerEvents } from '../server-stream-writer';
import { resolveServersWriteOptions, SERVERS_WRITE_OPTIONS, type ServersWriteOptions } from '../servers-write.options';
import { DeleteServerCommand } from './delete-server.command';
import { DeletionConfirmer } from './deletion-confirmer';

/**
 * Records the request (hot-path append, like an action), forwards, and answers with the pod's
 * answer at once. What the pod's answer means for the route:
 * - 2xx: the pod deletes in the background; DeletionConfirmer records ServerDeleted once the pod
 *   answers 404 for the server;
 * - 404: already gone (deleted on the pod directly): recorded now;
 * - anything else (409 locked, 403): nothing changes. A thrown error (pod unreachable) goes back as is.
 */
@CommandHandler(DeleteServerCommand)
export class DeleteServerHandler implements ICommandHandler<DeleteServerCommand> {
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
    await appendServerEvents(
      this.store,
      [{ type: 'ServerDeleteRequested', data: { serverId, podId: pod.podId, projectId: location.projectId, deleteId } }],
      metadataFor(context, this.clock.now()),
    );
    const projectId = context.caller.projectId;
    const response = await this.proxy.forward({ ...forward, pod, projectId, service: 'compute' });
    if (isSuccess(response.status)) {
      this.confirmer.watch({ serverId, pod, projectId, callerToken: forward.token, context });
    } else if (response.status === 404) {
      await this.gone.execute(new RecordServerGoneCommand(serverId, context));
    }
    return response;
  }
}
