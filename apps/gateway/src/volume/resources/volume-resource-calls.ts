import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { PODGATE_CONFIG, type PodgateConfig } from '@podgate/config';
import type { RequestContext } from '@podgate/kernel';
import { type ForwardedResponse, PodProxy } from '@podgate/openstack';
import { tenantScopeOf } from '@podgate/routed-resources';
import {
  DeleteVolumeResourceCommand,
  isCinderItemNotFound,
  LocateVolumeResourceQuery,
  RecordVolumeResourceGoneCommand,
  RequestVolumeActionCommand,
  resourcePath,
  type VolumeForward,
  type VolumeResourceKind,
  type VolumeResourceLocation,
} from '@podgate/volumes';
import type { FastifyRequest } from 'fastify';
import { callerForward } from '../../api/forwarding/caller-forward';
import { type PodAnswer, podAnswer } from '../../api/forwarding/pod-answer';
import { type ApiLinkBase, apiLinkBaseOf } from '../../api/links';
import { VOLUME_API } from '../../api/service-api';
import { viewPodAz } from '../az-translation';

/** How a successful answer's body is shown; by default with the pod's AZ as podgate names it. */
export type ResourceView = (body: unknown, location: VolumeResourceLocation) => unknown;

const viewAzOf: ResourceView = (body, location) => viewPodAz(body, location.pod);

/** One call on one existing volume, snapshot or backup. */
export interface ResourceCall {
  readonly request: FastifyRequest;
  readonly context: RequestContext;
  readonly kind: VolumeResourceKind;
  readonly id: string;
}

/** Kept for the snapshot and backup controllers' imports: the lib's `resourcePath`, not a copy. */
export { resourcePath };

/**
 * The calls on one existing block-storage resource (show, update, delete, metadata, actions) for
 * every volume slice: locate its pod for the caller, forward (writes through the volumes slice,
 * which records them), and answer with the pod's status and a body whose links and AZ are podgate's.
 */
@Injectable()
export class VolumeResourceCalls {
  private readonly logger = new Logger(VolumeResourceCalls.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(PodProxy) private readonly proxy: Pick<PodProxy, 'forward'>,
    @Inject(PODGATE_CONFIG) private readonly config: Pick<PodgateConfig, 'http'>,
  ) {}

  /** The resource's pod for this caller; Cinder's 404 in Cinder's words when it is unknown or another tenant's. */
  locate(call: Omit<ResourceCall, 'request'>): Promise<VolumeResourceLocation> {
    return this.queries.execute(new LocateVolumeResourceQuery(call.kind, call.id, tenantScopeOf(call.context)));
  }

  /**
   * A read, forwarded as is. Cinder's own 404 for the resource itself means it is gone: recorded
   * (RecordVolumeResourceGone unroutes it, so a 404 for anything else, e.g. one metadata key, must not).
   */
  async read(
    call: ResourceCall,
    path: string,
    view: ResourceView = viewAzOf,
    known?: VolumeResourceLocation,
  ): Promise<PodAnswer> {
    const location = known ?? (await this.locate(call));
    const response = await this.proxy.forward({
      ...callerForward(call.request, call.context, { method: 'GET', path }),
      pod: location.pod,
      projectId: call.context.caller.projectId,
      service: 'volume',
    });
    if (isCinderItemNotFound(response.status, response.body) && path === resourcePath(call.kind, call.id))
      await this.recordGone(call);
    return this.answer(call, response, location, view);
  }

  /** A state-changing call, recorded by the volumes slice as `action` (e.g. `os-reset_status`, `PUT metadata`). */
  async write(
    call: ResourceCall,
    action: string,
    forward: VolumeForward,
    view: ResourceView = viewAzOf,
    known?: VolumeResourceLocation,
  ): Promise<PodAnswer> {
    const location = known ?? (await this.locate(call));
    const response: ForwardedResponse = await this.commands.execute(
      new RequestVolumeActionCommand(call.kind, call.id, action, forward, call.context),
    );
    return this.answer(call, response, location, view);
  }

  async delete(call: ResourceCall): Promise<PodAnswer> {
    const location = await this.locate(call);
    const forward = callerForward(call.request, call.context, { method: 'DELETE', path: resourcePath(call.kind, call.id) });
    const response: ForwardedResponse = await this.commands.execute(
      new DeleteVolumeResourceCommand(call.kind, call.id, forward, call.context),
    );
    return this.answer(call, response, location, (body) => body);
  }

  /** The pod's answer with podgate's links (the client's URL form) and the view applied to a success. */
  answer(
    call: Pick<ResourceCall, 'request' | 'context'>,
    response: ForwardedResponse,
    location: Pick<VolumeResourceLocation, 'pod'> & Partial<VolumeResourceLocation>,
    view: ResourceView = viewAzOf,
  ): PodAnswer {
    const links = { base: this.linkBase(call.request), podProjectId: call.context.caller.projectId };
    return podAnswer(response, location.pod.name, links, (body) => view(body, location as VolumeResourceLocation));
  }

  /** Where this request's links point (podgate's public URL, the client's URL form). */
  linkBase(request: FastifyRequest): ApiLinkBase {
    return apiLinkBaseOf(VOLUME_API, request, this.config.http.publicUrl);
  }

  private async recordGone(call: ResourceCall): Promise<void> {
    await this.commands.execute(new RecordVolumeResourceGoneCommand(call.kind, call.id, call.context)).catch((error: unknown) => {
      // The answer is the pod's 404 either way; the next look at the resource records it again.
      this.logger.warn(`${call.kind} ${call.id} gone from its pod, not recorded: ${String(error)}`);
    });
  }
}
