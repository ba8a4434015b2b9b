import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@podgate/event-store';
import { type Clock, metadataFor } from '@podgate/kernel';
import { decideOnStream } from '@podgate/routed-resources';
import { VolumeResourceNotFoundError } from '../../domain/volume-resource.errors';
import { volumeResourceModel, volumeResourceStream } from '../../domain/volume-resource.stream';
import { VolumeResourceRoutes } from '../../location/volume-resource-routes';
import { resolveVolumesWriteOptions, VOLUMES_WRITE_OPTIONS, type VolumesWriteOptions } from '../volumes-write.options';
import { RecordVolumeResourceGoneCommand } from './record-volume-resource-gone.command';

/**
 * `<Kind>Deleted` + ResourceUnrouted, decided on the folded stream with its exact revision (rare,
 * and it must happen once): a repeat, or a resource podgate never created, records nothing. Whoever
 * saw the pod's 404 has checked the caller may see the resource and that the 404 is Cinder's own
 * (isItemNotFound). `deleteId`: the delete the pod accepted, when known (the deletion confirmer).
 */
@CommandHandler(RecordVolumeResourceGoneCommand)
export class RecordVolumeResourceGoneHandler implements ICommandHandler<RecordVolumeResourceGoneCommand> {
  private readonly clock: Clock;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(VolumeResourceRoutes) private readonly routes: VolumeResourceRoutes,
    @Optional() @Inject(VOLUMES_WRITE_OPTIONS) options?: VolumesWriteOptions,
  ) {
    this.clock = resolveVolumesWriteOptions(options).clock;
  }

  async execute({ kind, id, context, deleteId }: RecordVolumeResourceGoneCommand): Promise<void> {
    this.routes.forget(kind, id);
    if (id.length === 0) return;
    try {
      await decideOnStream(
        this.store,
        volumeResourceModel(kind),
        volumeResourceStream(kind, id),
        { type: 'RecordDeleted', resourceId: id, ...(deleteId ? { deleteId } : {}) },
        metadataFor(context, this.clock.now()),
      );
    } catch (error) {
      if (!(error instanceof VolumeResourceNotFoundError)) throw error; // never created here: nothing is routed
    }
  }
}
