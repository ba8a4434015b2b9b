import { Inject, Logger, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@podgate/event-store';
import type { Clock } from '@podgate/kernel';
import { type ForwardedResponse, PodProxy } from '@podgate/openstack';
import { forwardRecordedDelete, isItemNotFound, tenantScopeOf } from '@podgate/routed-resources';
import type { VolumeStreamEvent } from '../../domain/volume-resource.events';
import { volumeDeleteIdFor } from '../../domain/volume-resource.stream';
import { VolumeResourceRoutes } from '../../location/volume-resource-routes';
import { RecordVolumeResourceGoneCommand } from '../record-volume-resource-gone/record-volume-resource-gone.command';
import { RecordVolumeResourceGoneHandler } from '../record-volume-resource-gone/record-volume-resource-gone.handler';
import { appendVolumeEvent } from '../volume-events-append';
import { resolveVolumesWriteOptions, VOLUMES_WRITE_OPTIONS, type VolumesWriteOptions } from '../volumes-write.options';
import { DeleteVolumeResourceCommand } from './delete-volume-resource.command';
import { VolumeDeletionConfirmer } from './volume-deletion-confirmer';

/**
 * Records `<Kind>DeleteRequested` (hot-path append), forwards, and answers with the pod's answer at
 * once. What the answer means for the route:
 * - 2xx: Cinder deletes in the background; VolumeDeletionConfirmer records `<Kind>Deleted` (naming
 *   this delete) + ResourceUnrouted once the pod answers Cinder's 404 for the resource;
 * - Cinder's own 404 (isItemNotFound): already gone: recorded now;
 * - anything else (400 in use, 403, a 5xx, a proxy's 404), or no answer: `<Kind>DeleteFailed`, and
 *   the route stays. A thrown error (pod unreachable) goes back as is.
 */
@CommandHandler(DeleteVolumeResourceCommand)
export class DeleteVolumeResourceHandler implements ICommandHandler<DeleteVolumeResourceCommand> {
  private readonly logger = new Logger(DeleteVolumeResourceHandler.name);
  private readonly clock: Clock;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PodProxy) private readonly proxy: Pick<PodProxy, 'forward'>,
    @Inject(VolumeResourceRoutes) private readonly routes: VolumeResourceRoutes,
    @Inject(VolumeDeletionConfirmer) private readonly confirmer: Pick<VolumeDeletionConfirmer, 'watch'>,
    @Inject(RecordVolumeResourceGoneHandler) private readonly gone: Pick<RecordVolumeResourceGoneHandler, 'execute'>,
    @Optional() @Inject(VOLUMES_WRITE_OPTIONS) options?: VolumesWriteOptions,
  ) {
    this.clock = resolveVolumesWriteOptions(options).clock;
  }

  async execute({ kind, id, forward, context }: DeleteVolumeResourceCommand): Promise<ForwardedResponse> {
    const location = await this.routes.locate(kind, id, tenantScopeOf(context));
    const { pod } = location;
    const deleteId = volumeDeleteIdFor(kind, context.requestId, id);
    const identity = { resourceId: id, podId: pod.podId, projectId: location.projectId, deleteId };
    const projectId = context.caller.projectId;
    const append = (event: VolumeStreamEvent) => appendVolumeEvent(this.store, this.clock, context, event);
    return forwardRecordedDelete(this.proxy, this.logger, {
      request: { ...forward, pod, projectId, service: 'volume' },
      what: `delete ${deleteId} of ${kind} ${id}`,
      requested: () => append({ kind, suffix: 'DeleteRequested', data: identity }),
      failed: (failure) => append({ kind, suffix: 'DeleteFailed', data: { ...identity, ...failure } }),
      accepted: () => this.confirmer.watch({ kind, id, pod, projectId, callerToken: forward.token, context, deleteId }),
      isGone: ({ status, body }) => isItemNotFound(status, body),
      gone: () => this.gone.execute(new RecordVolumeResourceGoneCommand(kind, id, context)),
    });
  }
}
