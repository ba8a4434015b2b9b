import { Inject, Logger, Optional } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { listBindings, NoValidHostError, SelectPodCommand, type SelectPodResult } from '@podgate/bindings';
import { PODGATE_CONFIG, type PodgateConfig } from '@podgate/config';
import { EVENT_STORE, type EventStore, type GlobalPosition } from '@podgate/event-store';
import { type Clock, metadataFor, type RequestContext } from '@podgate/kernel';
import { type ForwardedResponse, openStackErrorMessage, PodProxy } from '@podgate/openstack';
import { listAllPods, type PodView } from '@podgate/pods';
import { READ_MODEL_SQL } from '@podgate/read-model';
import { awaitRoutings, failureOfThrown, isSuccess, mayHaveReachedPod, requestSecrets } from '@podgate/routed-resources';
import type { SqlClient } from '@podgate/sql';
import type { ServerProvisioningRequestedData } from '../../domain/server.events';
import { summarizeServerRequest } from '../../domain/server-request-summary';
import type { ServerState } from '../../domain/server.state';
import { provisioningIdFor, serverProvisioningStream } from '../../domain/server.stream';
import { ServerRoutes } from '../../location/server-routes';
import { decideOnServerStream, foldServerStreams, type ServerStreamDecision } from '../server-stream-writer';
import { resolveServersWriteOptions, SERVERS_WRITE_OPTIONS, type ServersWriteOptions } from '../servers-write.options';
import { imageRefOf, nameOf, podCreateBody, schedulerHintsOf } from './create-server.body';
import { CreateServerCommand, type CreateServerInput, type CreateServerResult } from './create-server.command';
import { ProvisioningConfirmer } from './provisioning-confirmer';
import { recordServersCreated } from './record-servers-created';
import { resumeProvisioning } from './resume-provisioning';
import { findTaggedServers, type PodCaller } from './tagged-servers';

/** What the handler needs of the command bus: SelectPod (the bindings slice). */
export interface PodSelector {
  execute(command: SelectPodCommand): Promise<SelectPodResult>;
}

/**
 * Nova's create through podgate. The intent is durable before the pod hears of the request, and
 * the outcome is recorded after: ServerCreated + ResourceRouted per server made, or
 * ServerProvisioningFailed (secrets scrubbed) for a refusal or an unreachable pod.
 * When the pod may have made servers the handler could not record (the answer lost after sending,
 * a pod 5xx, a failed record or multi-create look-up), the ProvisioningConfirmer watches the pod
 * for them in the background. A re-run with the same request id never forwards twice: it finds the
 * intent and resumes (resume-provisioning.ts) from what the pod shows.
 */
@CommandHandler(CreateServerCommand)
export class CreateServerHandler implements ICommandHandler<CreateServerCommand> {
  private readonly logger = new Logger(CreateServerHandler.name);
  private readonly clock: Clock;
  private readonly readYourWritesMs: number;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SQL) private readonly sql: SqlClient,
    @Inject(PODGATE_CONFIG) private readonly config: Pick<PodgateConfig, 'compute'>,
    @Inject(PodProxy) private readonly proxy: Pick<PodProxy, 'forward'>,
    @Inject(CommandBus) private readonly selector: PodSelector,
    @Inject(ServerRoutes) private readonly routes: ServerRoutes,
    @Inject(ProvisioningConfirmer) private readonly confirmer: Pick<ProvisioningConfirmer, 'watch'>,
    @Optional() @Inject(SERVERS_WRITE_OPTIONS) options?: ServersWriteOptions,
  ) {
    const resolved = resolveServersWriteOptions(options);
    this.clock = resolved.clock;
    this.readYourWritesMs = resolved.readYourWritesMs;
  }

  async execute({ input, context }: CreateServerCommand): Promise<CreateServerResult> {
    const provisioningId = provisioningIdFor(context.requestId);
    const stream = serverProvisioningStream(provisioningId);
    const earlier = await foldServerStreams(this.store, [stream]);
    if (earlier.state.status !== 'unknown') return this.resume(input, context, provisioningId, earlier.state);

    const azName = await this.azFor(input);
    const { pod, binding } = await this.selector.execute(
      new SelectPodCommand(input.projectId, azName, input.affinityTag, context),
    );
    const server = input.body.server;
    const intent: ServerProvisioningRequestedData = {
      provisioningId,
      projectId: input.projectId,
      azName,
      podId: pod.podId,
      bindingId: binding.bindingId,
      flavorRef: input.flavorRef,
      imageRef: imageRefOf(server),
      name: nameOf(server),
      request: summarizeServerRequest(server, schedulerHintsOf(input.body)),
    };
    const recorded = await decideOnServerStream(
      this.store,
      stream,
      { type: 'RequestServerProvisioning', intent },
      this.metadata(context),
      { known: earlier },
    );
    // Another run of this very request recorded the intent between our read and our append.
    if (recorded.events.length === 0) return this.resume(input, context, provisioningId, recorded.state);
    return this.forward(input, context, pod, intent, recorded);
  }

  private async forward(
    input: CreateServerInput,
    context: RequestContext,
    pod: PodView,
    intent: ServerProvisioningRequestedData,
    recorded: ServerStreamDecision,
  ): Promise<CreateServerResult> {
    const { provisioningId } = intent;
    const secrets = requestSecrets(input.body, input.forward.token);
    const caller: PodCaller = { pod, projectId: input.projectId, ...tokenOf(input) };
    let response: ForwardedResponse;
    try {
      response = await this.proxy.forward({
        ...input.forward,
        method: 'POST',
        path: '/servers',
        pod,
        projectId: input.projectId,
        service: 'compute',
        body: podCreateBody(input.body, pod.podAzName, provisioningId),
      });
    } catch (error) {
      if (mayHaveReachedPod(error)) this.confirmLater(intent, caller, context);
      await this.recordFailure(recorded, provisioningId, failureOfThrown(error, secrets), secrets, context).catch((failure) =>
        this.logger.error(`provisioning ${provisioningId} failed and its failure was not recorded: ${String(failure)}`),
      );
      throw error;
    }
    if (!isSuccess(response.status)) {
      // A 5xx may come after the pod took the request (or from a proxy in front of it that timed out).
      if (response.status >= 500) this.confirmLater(intent, caller, context);
      const message = openStackErrorMessage(response.body, secrets) ?? '';
      await this.recordFailure(recorded, provisioningId, { status: response.status, message }, secrets, context);
      return { response, pod, serverIds: [] };
    }
    return this.recordCreated(response, caller, intent, recorded, context);
  }

  /**
   * The pod accepted. A record that fails leaves the servers to the confirmer and still answers
   * the pod's 202: an error now would have the client create again, and a second server.
   */
  private async recordCreated(
    response: ForwardedResponse,
    caller: PodCaller,
    intent: ServerProvisioningRequestedData,
    recorded: ServerStreamDecision,
    context: RequestContext,
  ): Promise<CreateServerResult> {
    const { pod } = caller;
    const { serverIds, complete } = await this.createdServerIds(response, caller, intent);
    if (!complete) this.confirmLater(intent, caller, context);
    let position: GlobalPosition | undefined;
    try {
      position = await recordServersCreated(
        this.store,
        this.routes,
        intent.provisioningId,
        serverIds,
        recorded.state,
        this.metadata(context),
      );
    } catch (error) {
      this.logger.error(
        `servers of provisioning ${intent.provisioningId} made on pod ${pod.name}, not recorded: ${String(error)}`,
      );
      if (complete) this.confirmLater(intent, caller, context);
      return { response, pod, serverIds };
    }
    if (position) {
      const what = `the servers of provisioning ${intent.provisioningId}`;
      await awaitRoutings(this.sql, position, this.readYourWritesMs, what, this.logger);
    }
    return { response, pod, serverIds };
  }

  /**
   * The pod's answer names one server (or none, with `return_reservation_id`); a multi-create
   * made more, found by their tag. If that look-up fails, the named server is recorded and the
   * others are left to the provisioning confirmer (`complete` false), rather than failing a create
   * the pod has accepted.
   */
  private async createdServerIds(
    response: ForwardedResponse,
    caller: PodCaller,
    intent: ServerProvisioningRequestedData,
  ): Promise<{ serverIds: string[]; complete: boolean }> {
    const id = (response.body as { server?: { id?: unknown } } | undefined)?.server?.id;
    const named = typeof id === 'string' && id.length > 0 ? [id] : [];
    if (named.length > 0 && intent.request.maxCount <= 1) return { serverIds: named, complete: true };
    try {
      const { serverIds } = await findTaggedServers(this.proxy, caller, intent.name, intent.provisioningId);
      return { serverIds: [...named.filter((n) => !serverIds.includes(n)), ...serverIds], complete: true };
    } catch (error) {
      this.logger.warn(
        `servers of provisioning ${intent.provisioningId} not listed; recording ${named.length}: ${String(error)}`,
      );
      return { serverIds: named, complete: false };
    }
  }

  private confirmLater(intent: ServerProvisioningRequestedData, caller: PodCaller, context: RequestContext): void {
    this.confirmer.watch({
      provisioningId: intent.provisioningId,
      pod: caller.pod,
      projectId: intent.projectId,
      name: intent.name,
      callerToken: caller.token,
      ...(caller.globalRequestId ? { globalRequestId: caller.globalRequestId } : {}),
      context,
    });
  }

  private async recordFailure(
    recorded: ServerStreamDecision,
    provisioningId: string,
    answer: { status: number; message: string },
    secrets: readonly string[],
    context: RequestContext,
  ): Promise<void> {
    await decideOnServerStream(
      this.store,
      serverProvisioningStream(provisioningId),
      { type: 'RecordServerProvisioningFailed', provisioningId, ...answer, secrets },
      this.metadata(context),
      { known: { state: recorded.state, revision: recorded.revision } },
    );
  }

  private resume(
    input: CreateServerInput,
    context: RequestContext,
    provisioningId: string,
    state: ServerState,
  ): Promise<CreateServerResult> {
    return resumeProvisioning(
      { store: this.store, sql: this.sql, proxy: this.proxy, routes: this.routes },
      { provisioningId, state, caller: { projectId: input.projectId, ...tokenOf(input) }, metadata: this.metadata(context) },
    );
  }

  /** The AZ asked for, else the configured default, else the tenant's bound AZ, else the first registered pod's. */
  private async azFor(input: CreateServerInput): Promise<string> {
    if (input.azName) return input.azName;
    if (this.config.compute.defaultAzName) return this.config.compute.defaultAzName;
    const [binding] = await listBindings(this.sql, { projectId: input.projectId, active: true, limit: 1 });
    if (binding) return binding.azName;
    const [first] = await listAllPods(this.sql, { status: 'active' });
    if (first) return first.azName;
    throw new NoValidHostError('any availability zone', []);
  }

  private metadata(context: RequestContext) {
    return metadataFor(context, this.clock.now());
  }
}

const tokenOf = (input: CreateServerInput) => ({
  token: input.forward.token,
  ...(input.forward.globalRequestId ? { globalRequestId: input.forward.globalRequestId } : {}),
});
