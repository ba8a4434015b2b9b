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
  mayHaveReachedPod,
  requestSecrets,
  type StreamDecision,
  tenantScopeOf,
} from '@podgate/routed-resources';
import type { SqlClient } from '@podgate/sql';
import type { CreatedInPod, VolumeForward, VolumeResourceKind } from '../../domain/volume-resource';
import { VolumeResourceProvisioningInDoubtError } from '../../domain/volume-resource.errors';
import type { VolumeProvisioningRequestedData, VolumeStreamEvent } from '../../domain/volume-resource.events';
import type { VolumeResourceState } from '../../domain/volume-resource.state';
import { volumeProvisioningIdFor, volumeProvisioningStream, volumeResourceModel } from '../../domain/volume-resource.stream';
import { summarizeVolumeRequest } from '../../domain/volume-request-summary';
import { VolumeResourceRoutes } from '../../location/volume-resource-routes';
import { resolveVolumesWriteOptions, VOLUMES_WRITE_OPTIONS, type VolumesWriteOptions } from '../volumes-write.options';
import { CreateVolumeResourceCommand } from './create-volume-resource.command';
import { createdIdIn } from './created-id';
import { recordVolumeResourceCreated } from './record-volume-resource-created';
import { carriesProvisioningTag, findTaggedVolumeResources, withProvisioningTag } from './tagged-volume-resources';
import { VolumeProvisioningConfirmer } from './volume-provisioning-confirmer';

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
 * Volume and snapshot creates carry the provisioning tag in their metadata: when the pod may have
 * made one podgate could not record (the answer lost after sending, a pod 5xx, a failed record), the
 * VolumeProvisioningConfirmer looks for it in the background, and a re-run with the same request id
 * (which never forwards twice) finds it by the tag and answers it (resume).
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
    @Inject(VolumeProvisioningConfirmer) private readonly confirmer: Pick<VolumeProvisioningConfirmer, 'watch'>,
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
    if (earlier.state.status !== 'unknown') return this.resume(command, provisioningId, earlier.state);
    const placement = await this.place(command);
    const asked = command.forwardFor(placement.pod, placement.pod.podAzName);
    const intent: VolumeProvisioningRequestedData = {
      provisioningId,
      projectId: context.caller.projectId,
      azName: placement.azName,
      podId: placement.pod.podId,
      bindingId: placement.bindingId,
      parent: placement.parent,
      request: summarizeVolumeRequest(asked.body),
    };
    const forward = withProvisioningTag(kind, asked, provisioningId);
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
    if (recorded.events.length === 0) return this.resume(command, provisioningId, recorded.state);

    const secrets = requestSecrets(asked.body, forward.token);
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
    const confirmLater = () => this.confirmLater(command, provisioningId, pod, forward);
    let response: ForwardedResponse;
    try {
      response = await forwardRecorded(
        this.proxy,
        { ...forward, pod, projectId: context.caller.projectId, service: 'volume' },
        secrets,
        recordFailure,
        this.logger,
        `${kind} provisioning ${provisioningId}`,
      );
    } catch (error) {
      if (mayHaveReachedPod(error)) confirmLater();
      throw error;
    }
    const createdId = isSuccess(response.status) ? (command.createdIdOf ?? createdIdIn(kind))(response.body) : undefined;
    if (!createdId) {
      // A 5xx may come after the pod took the request (or from a proxy in front of it that timed out):
      // watched before the failure is recorded, so a failed record cannot leave it unwatched.
      if (isSuccess(response.status) || response.status >= 500) confirmLater();
      if (isSuccess(response.status))
        this.logger.error(
          `${kind} provisioning ${provisioningId}: pod ${pod.name} answered ${response.status} without an id; nothing routed`,
        );
      else await recordFailure(failureOfAnswer(response, secrets));
      return { response, pod, azName };
    }
    const adopted = await this.recordCreated(kind, createdId, provisioningId, recorded, context, response);
    if (!adopted) confirmLater();
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
   * Records what the pod made (recordVolumeResourceCreated), then waits for read-your-writes for
   * lists. The pod accepted: a record that fails is logged (false: the confirmer takes over) and the
   * pod's answer still returned, since an error now would have the client create again, and a
   * second resource.
   */
  private async recordCreated(
    kind: VolumeResourceKind,
    resourceId: string,
    provisioningId: string,
    recorded: StreamDecision<VolumeStreamEvent, VolumeResourceState>,
    context: RequestContext,
    response: ForwardedResponse,
  ): Promise<boolean> {
    try {
      const created = { kind, resourceId, provisioningId };
      const position = await recordVolumeResourceCreated(
        this.store,
        this.routes,
        created,
        recorded.state,
        this.metadata(context),
      );
      if (position) await awaitRoutings(this.sql, position, this.readYourWritesMs, `${kind} ${resourceId}`, this.logger);
      return true;
    } catch (error) {
      this.logger.error(`${kind} ${resourceId} made by the pod (${response.status}), not recorded: ${String(error)}`);
      return false;
    }
  }

  /**
   * The pod may have made the resource while podgate could not record it. Only creates that carry
   * the provisioning tag can be found again; a backup or a restore in this state stays unrouted (logged).
   */
  private confirmLater(command: CreateVolumeResourceCommand, provisioningId: string, pod: PodView, forward: VolumeForward): void {
    const { kind, context } = command;
    if (!carriesProvisioningTag(kind, forward)) {
      this.logger.warn(
        `${kind} provisioning ${provisioningId} on pod ${pod.name} in doubt; this create carries no tag to find it by`,
      );
      return;
    }
    this.confirmer.watch({
      kind,
      provisioningId,
      pod,
      projectId: context.caller.projectId,
      callerToken: forward.token,
      ...(forward.globalRequestId ? { globalRequestId: forward.globalRequestId } : {}),
      context,
    });
  }

  /**
   * The intent is recorded: this request ran before (a client's retry after a lost answer, or two
   * runs racing). The pod is the truth, so podgate asks it, never forwards again:
   * - the resource carrying the provisioning tag: record it (a no-op if recorded) and answer 202
   *   with the pod's view of it, as the first run's answer would have been;
   * - none, and a failure recorded: answer that failure again;
   * - none, no outcome, or a create without a tag (backups, restores): VolumeResourceProvisioningInDoubtError
   *   (409). Forwarding again could make a second resource.
   */
  private async resume(
    command: CreateVolumeResourceCommand,
    provisioningId: string,
    state: VolumeResourceState,
  ): Promise<CreatedInPod> {
    const { kind } = command;
    if (!('intent' in state)) throw new Error(`${kind} provisioning ${provisioningId} has no intent to resume`);
    const pod = await findPod(this.sql, state.intent.podId);
    const podName = pod?.name ?? state.intent.podId;
    const adopted = pod ? await this.adopt(command, provisioningId, state, pod) : undefined;
    if (adopted) return adopted;
    if (state.status === 'provisioningFailed') {
      const { status, message } = state.failure;
      throw mapUpstreamFailure({ upstream: `pod ${podName}`, status, body: { message } });
    }
    throw new VolumeResourceProvisioningInDoubtError(kind, provisioningId, podName);
  }

  /** The resource the first run made, found by its tag with the caller's token and recorded (creates that carry one). */
  private async adopt(
    command: CreateVolumeResourceCommand,
    provisioningId: string,
    state: VolumeResourceState & { readonly intent: VolumeProvisioningRequestedData },
    pod: PodView,
  ): Promise<CreatedInPod | undefined> {
    const { kind, context } = command;
    const forward = command.forwardFor(pod, pod.podAzName);
    if (!carriesProvisioningTag(kind, forward)) return undefined;
    const { token, globalRequestId } = forward;
    const caller = { pod, projectId: context.caller.projectId, token, ...(globalRequestId ? { globalRequestId } : {}) };
    const found = await findTaggedVolumeResources(this.proxy, caller, kind, provisioningId);
    const [resource] = found.items;
    if (!resource) return undefined;
    const resourceId = String(resource['id']);
    await recordVolumeResourceCreated(
      this.store,
      this.routes,
      { kind, resourceId, provisioningId },
      state,
      this.metadata(context),
    );
    const response: ForwardedResponse = {
      status: 202,
      headers: { 'content-type': 'application/json' },
      body: { [kind]: resource },
      podBaseUrl: found.podBaseUrl,
    };
    return { response, pod, azName: state.intent.azName, createdId: resourceId };
  }

  private metadata(context: RequestContext) {
    return metadataFor(context, this.clock.now());
  }
}
