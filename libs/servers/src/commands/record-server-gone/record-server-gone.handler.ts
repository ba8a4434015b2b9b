import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@podgate/event-store';
import { type Clock, metadataFor } from '@podgate/kernel';
import { ServerNotFoundError } from '../../domain/server.errors';
import { serverStream } from '../../domain/server.stream';
import { ServerRoutes } from '../../location/server-routes';
import { decideOnServerStream } from '../server-stream-writer';
import { resolveServersWriteOptions, SERVERS_WRITE_OPTIONS, type ServersWriteOptions } from '../servers-write.options';
import { RecordServerGoneCommand } from './record-server-gone.command';

/**
 * ServerDeleted + ResourceUnrouted, decided on the folded stream with its exact revision (rare, and
 * it must happen once): a repeat, or a server podgate never created, records nothing. Whoever saw
 * the pod's 404 (a show, the delete confirmation) has already checked the caller may see the server,
 * and that the 404 is Nova's own (isNovaServerGone), not a proxy's in front of the pod.
 */
@CommandHandler(RecordServerGoneCommand)
export class RecordServerGoneHandler implements ICommandHandler<RecordServerGoneCommand> {
  private readonly clock: Clock;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ServerRoutes) private readonly routes: ServerRoutes,
    @Optional() @Inject(SERVERS_WRITE_OPTIONS) options?: ServersWriteOptions,
  ) {
    this.clock = resolveServersWriteOptions(options).clock;
  }

  async execute({ serverId, context, deleteId }: RecordServerGoneCommand): Promise<void> {
    this.routes.forget(serverId);
    if (serverId.length === 0) return;
    try {
      await decideOnServerStream(
        this.store,
        serverStream(serverId),
        { type: 'RecordServerDeleted', serverId, ...(deleteId ? { deleteId } : {}) },
        metadataFor(context, this.clock.now()),
      );
    } catch (error) {
      if (!(error instanceof ServerNotFoundError)) throw error; // never created here: nothing is routed
    }
  }
}
