import { Inject, Logger, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@podgate/event-store';
import type { Clock } from '@podgate/kernel';
import { type ForwardedResponse, PodProxy } from '@podgate/openstack';
import { forwardRecordedAction, tenantScopeOf } from '@podgate/routed-resources';
import { volumeActionIdFor } from '../../domain/volume-resource.stream';
import { VolumeResourceRoutes } from '../../location/volume-resource-routes';
import type { VolumeStreamEvent } from '../../domain/volume-resource.events';
import { appendVolumeEvent } from '../volume-events-append';
import { resolveVolumesWriteOptions, VOLUMES_WRITE_OPTIONS, type VolumesWriteOptions } from '../volumes-write.options';
import { RequestVolumeActionCommand } from './request-volume-action.command';

/**
 * The hot path, as servers' actions: locate from memory or rm_routings, append
 * `<Kind>ActionRequested`, forward, append `<Kind>ActionSucceeded`/`<Kind>ActionFailed`. No stream
 * is folded: expected revision `any` and ids derived from the request, so a re-run writes nothing
 * twice and an action's first outcome stands.
 */
@CommandHandler(RequestVolumeActionCommand)
export class RequestVolumeActionHandler implements ICommandHandler<RequestVolumeActionCommand> {
  private readonly logger = new Logger(RequestVolumeActionHandler.name);
  private readonly clock: Clock;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PodProxy) private readonly proxy: Pick<PodProxy, 'forward'>,
    @Inject(VolumeResourceRoutes) private readonly routes: VolumeResourceRoutes,
    @Optional() @Inject(VOLUMES_WRITE_OPTIONS) options?: VolumesWriteOptions,
  ) {
    this.clock = resolveVolumesWriteOptions(options).clock;
  }

  async execute({ kind, id, action, forward, context }: RequestVolumeActionCommand): Promise<ForwardedResponse> {
    const { pod, projectId } = await this.routes.locate(kind, id, tenantScopeOf(context));
    const actionId = volumeActionIdFor(kind, context.requestId, id);
    const ids = { resourceId: id, projectId, actionId };
    const append = (event: VolumeStreamEvent) => appendVolumeEvent(this.store, this.clock, context, event);
    return forwardRecordedAction(this.proxy, this.logger, {
      request: { ...forward, pod, projectId: context.caller.projectId, service: 'volume' },
      what: `action ${actionId} on ${kind} ${id}`,
      requested: () => append({ kind, suffix: 'ActionRequested', data: { ...ids, podId: pod.podId, action } }),
      succeeded: (status) => append({ kind, suffix: 'ActionSucceeded', data: { ...ids, status } }),
      failed: (failure) => append({ kind, suffix: 'ActionFailed', data: { ...ids, ...failure } }),
      // Only RecordVolumeResourceGone, on Cinder's own 404, unroutes.
      forgetRoute: () => this.routes.forget(kind, id),
    });
  }
}
