import { Inject, Logger, Optional } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SelectPodCommand, type SelectPodResult } from '@podgate/bindings';
import { EVENT_STORE, type EventStore } from '@podgate/event-store';
import { type Clock, metadataFor, type RequestContext } from '@podgate/kernel';
import { type ForwardedResponse, mapUpstreamFailure, PodProxy } from '@podgate/openstack';
import { findPod, type PodView } from '@podgate/pods';
import { READ_MODEL_SQL } from '@podgate/read-model';
import {
  awaitRoutings,
  decideOnStream,
  failureOfAnswer,
  foldStreams,
  forwardRecorded,
  isSuccess,
  requestSecrets,
  type StreamDecision,
  tenantScopeOf,
} from '@podgate/routed-resources';
import type { SqlClient } from '@podgate/sql';
import type { CreatedInPod, VolumeResourceKind } from '../../domain/volume-resource';
import { VolumeResourceProvisioningInDoubtError } from '../../domain/volume-resource.errors';
import type { VolumeProvisioningRequestedData, VolumeStreamEvent } from '../../domain/volume-resource.events';
import type { VolumeResourceState } from '../../domain/volume-resource.state';
import {
  volumeProvisioningIdFor,
  volumeProvisioningStream,
  volumeResourceModel,
  volumeResourceStream,
} from '../../domain/volume-resource.stream';
import { summarizeVolumeRequest } from '../../domain/volume-request-summary';
import { VolumeResourceRoutes } from '../../location/volume-resource-routes';
import { resolveVolumesWriteOptions, VOLUMES_WRITE_OPTIONS, type VolumesWriteOptions } from '../volumes-write.options';
import { CreateVolumeResourceCommand } from './create-volume-resource.command';
import { createdIdIn } from './created-id';

/** What the handler needs of the command bus: SelectPod (the bindings slice). */
export interface VolumePodSelector {
  execute(command: SelectPodCommand): Promise<SelectPodResult>;
}

/** The pod chosen for a create, and what the intent records of why. */
interface Placement {
  readonly pod: PodView;
  readonly azName: string;
  readonly bindingId: string | null;
  readonly parent: VolumeProvisioningRequestedData['parent'];
}

/**
 * Cinder's creates through podgate (volumes, snapshots, backups, restores). The intent is durable
 * before the pod hears of the request; the outcome is recorded after: `<Kind>Created` +
 * ResourceRouted in the new resource's stream, or `<Kind>ProvisioningFailed` (scrubbed) for a
 * refusal or an unreachable pod. Then it waits (bounded) for rm_routings, so a list right after
 * shows the resource; a GET on another replica finds it in its stream all the same.
 * A re-run with the same request id never forwards twice: a recorded failure is answered again,
 * otherwise VolumeResourceProvisioningInDoubtError (Cinder has no tag to find what the first run made).
 */
@CommandHandler(CreateVolumeResourceCommand)
export class CreateVolumeResourceHandler implements ICommandHandler<CreateVolumeResourceCommand> {
  private readonly logger = new Logger(CreateVolumeResourceHandler.name);
  private readonly clock: Clock;
  private readonly readYourWritesMs: number;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SQL) private readonly sql: SqlClient,
    @Inject(PodProxy) private readonly proxy: Pick<PodProxy, 'forward'>,
    @Inject(CommandBus) private readonly selector: VolumePodSelector,
    @Inject(VolumeResourceRoutes) private readonly routes: VolumeResourceRoutes,
    @Optional() @Inject(VOLUMES_WRITE_OPTIONS) options?: VolumesWriteOptions,
  ) {
    const resolved = resolveVolumesWriteOptions(options);
    this.clock = resolved.clock;
    this.readYourWritesMs = resolved.readYourWritesMs;
  }

  async execute(command: CreateVolumeResourceCommand): Promise<CreatedInPod> {
    const { kind, context } = command;
    const provisioningId = volumeProvisioningIdFor(kind, context.requestId);
    const model = volumeResourceModel(kind);
    const intentStream = volumeProvisioningStream(kind, provisioningId);
    const earlier = await foldStreams(this.store, model, [intentStream]);
    if (earlier.state.status !== 'unknown') return this.resume(kind, provisioningId, earlier.state);
    const placement = await this.place(command);
    const forward = command.forwardFor(placement.pod, placement.pod.podAzName);
    const intent: VolumeProvisioningRequestedData = {
      provisioningId,
      projectId: context.caller.projectId,
      azName: placement.azName,
      podId: placement.pod.podId,
      bindingId: placement.bindingId,
      parent: placement.parent,
      request: summarizeVolumeRequest(forward.body),
    };
    const recorded = await decideOnStream(
      this.store,
      model,
      intentStream,
      { type: 'RequestProvisioning', intent },
      this.metadata(context),
      {
        known: earlier,
      },
    );
    // Another run of this very request recorded the intent between our read and our append.
    if (recorded.events.length === 0) return this.resume(kind, provisioningId, recorded.state);

    const secrets = requestSecrets(forward.body, forward.token);
    const { pod, azName } = placement;
    const recordFailure = (failure: { status: number; message: string }) =>
      decideOnStream(
        this.store,
        model,
        intentStream,
        { type: 'RecordProvisioningFailed', provisioningId, ...failure, secrets },
        this.metadata(context),
        {
          known: { state: recorded.state, revision: recorded.revision },
        },
      );
    const response = await forwardRecorded(
      this.proxy,
      { ...forward, pod, projectId: context.caller.projectId, service: 'volume' },
      secrets,
      recordFailure,
      this.logger,
      `${kind} provisioning ${provisioningId}`,
    );
    const createdId = isSuccess(response.status) ? (command.createdIdOf ?? createdIdIn(kind))(response.body) : undefined;
    if (!createdId) {
      if (isSuccess(response.status))
        this.logger.error(
          `${kind} provisioning ${provisioningId}: pod ${pod.name} answered ${response.status} without an id; nothing routed`,
        );
      else await recordFailure(failureOfAnswer(response, secrets));
      return { response, pod, azName };
    }
    await this.recordCreated(kind, createdId, provisioningId, recorded, context, response);
    return { response, pod, azName, createdId };
  }

  /** By binding: the tenant's pod in the AZ (SelectPod); by resource: the parent's pod, located for the caller. */
  private async place({ placement, context }: CreateVolumeResourceCommand): Promise<Placement> {
    if (placement.by === 'binding') {
      const { pod, binding } = await this.selector.execute(
        new SelectPodCommand(context.caller.projectId, placement.azName, placement.affinityTag, context),
      );
      return { pod, azName: placement.azName, bindingId: binding.bindingId, parent: null };
    }
    const parent = await this.routes.locate(placement.kind, placement.id, tenantScopeOf(context));
    return { pod: parent.pod, azName: parent.azName, bindingId: null, parent: { kind: placement.kind, id: placement.id } };
  }

  /**
   * `<Kind>Created` + ResourceRouted, decided on the intent then the new stream (a repeat is a
   * no-op), the route kept in memory, then read-your-writes for lists. The pod accepted: a record
   * that fails is logged and the pod's answer still returned, since an error now would have the
   * client create again, and a second resource.
   */
  private async recordCreated(
    kind: VolumeResourceKind,
    resourceId: string,
    provisioningId: string,
    recorded: StreamDecision<VolumeStreamEvent, VolumeResourceState>,
    context: RequestContext,
    response: ForwardedResponse,
  ): Promise<void> {
    try {
      const decision = await decideOnStream(
        this.store,
        volumeResourceModel(kind),
        volumeResourceStream(kind, resourceId),
        { type: 'RecordCreated', provisioningId, resourceId },
        this.metadata(context),
        { foldFirst: [volumeProvisioningStream(kind, provisioningId)], known: { state: recorded.state, revision: 'no_stream' } },
      );
      if (decision.state.status === 'created') {
        const { projectId, podId, azName } = decision.state.resource;
        this.routes.remember(kind, { id: resourceId, projectId, podId, azName });
      }
      const position = decision.appended?.position;
      if (position) await awaitRoutings(this.sql, position, this.readYourWritesMs, `${kind} ${resourceId}`, this.logger);
    } catch (error) {
      this.logger.error(`${kind} ${resourceId} made by the pod (${response.status}), not recorded: ${String(error)}`);
    }
  }

  /** The intent is recorded: the pod is never asked again. A recorded refusal is answered again. */
  private async resume(kind: VolumeResourceKind, provisioningId: string, state: VolumeResourceState): Promise<CreatedInPod> {
    if (!('intent' in state)) throw new Error(`${kind} provisioning ${provisioningId} has no intent to resume`);
    const pod = await findPod(this.sql, state.intent.podId);
    const podName = pod?.name ?? state.intent.podId;
    if (state.status === 'provisioningFailed') {
      const { status, message } = state.failure;
      throw mapUpstreamFailure({ upstream: `pod ${podName}`, status, body: { message } });
    }
    throw new VolumeResourceProvisioningInDoubtError(kind, provisioningId, podName);
  }

  private metadata(context: RequestContext) {
    return metadataFor(context, this.clock.now());
  }
}
