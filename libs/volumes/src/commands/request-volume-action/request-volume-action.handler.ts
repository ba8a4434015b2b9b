import { Inject, Logger, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@podgate/event-store';
import type { Clock } from '@podgate/kernel';
import { type ForwardedResponse, PodProxy } from '@podgate/openstack';
import { failureOfAnswer, forwardRecorded, isSuccess, requestSecrets, tenantScopeOf } from '@podgate/routed-resources';
import { volumeActionIdFor } from '../../domain/volume-resource.stream';
import { VolumeResourceRoutes } from '../../location/volume-resource-routes';
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
    await appendVolumeEvent(this.store, this.clock, context, {
      kind,
      suffix: 'ActionRequested',
      data: { ...ids, podId: pod.podId, action },
    });
    const secrets = requestSecrets(forward.body, forward.token);
    const failed = (failure: { status: number; message: string }) =>
      appendVolumeEvent(this.store, this.clock, context, { kind, suffix: 'ActionFailed', data: { ...ids, ...failure } });
    const response = await forwardRecorded(
      this.proxy,
      { ...forward, pod, projectId: context.caller.projectId, service: 'volume' },
      secrets,
      failed,
      this.logger,
      `action ${actionId} on ${kind} ${id}`,
    );
    // Maybe a stale route of a deleted resource: look it up afresh next time (memory only; only
    // RecordVolumeResourceGone, on Cinder's own 404, unroutes).
    if (response.status === 404) this.routes.forget(kind, id);
    if (isSuccess(response.status)) {
      await appendVolumeEvent(this.store, this.clock, context, {
        kind,
        suffix: 'ActionSucceeded',
        data: { ...ids, status: response.status },
      });
    } else {
      await failed(failureOfAnswer(response, secrets));
    }
    return response;
  }
}
