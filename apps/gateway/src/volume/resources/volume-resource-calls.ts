import { Inject, Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { PODGATE_CONFIG, type PodgateConfig } from '@podgate/config';
import type { RequestContext } from '@podgate/kernel';
import { PodProxy } from '@podgate/openstack';
import { tenantScopeOf } from '@podgate/routed-resources';
import {
  DeleteVolumeResourceCommand,
  isCinderItemNotFound,
  LocateVolumeResourceQuery,
  RecordVolumeResourceGoneCommand,
  RequestVolumeActionCommand,
  resourcePath,
  type VolumeResourceKind,
  type VolumeResourceLocation,
} from '@podgate/volumes';
import type { FastifyRequest } from 'fastify';
import { RoutedCalls, type RoutedResources, type RoutedView } from '../../api/forwarding/routed-calls';
import { VOLUME_API } from '../../api/service-api';
import { viewPodAz } from '../az-translation';

/** How a successful answer's body is shown; by default with the pod's AZ as podgate names it. */
export type ResourceView = RoutedView<VolumeResourceLocation>;

/** One call on one existing volume, snapshot or backup. */
export interface ResourceCall {
  readonly request: FastifyRequest;
  readonly context: RequestContext;
  readonly kind: VolumeResourceKind;
  readonly id: string;
}

/** Kept for the snapshot and backup controllers' imports: the lib's `resourcePath`, not a copy. */
export { resourcePath };

/** Volumes, snapshots and backups as routed resources: the volumes slice's commands, Cinder's 404, the AZ view. */
const VOLUME_RESOURCES: RoutedResources<ResourceCall, VolumeResourceLocation> = {
  api: VOLUME_API,
  describe: (call) => `${call.kind} ${call.id}`,
  itemPath: (call) => resourcePath(call.kind, call.id),
  locate: (call) => new LocateVolumeResourceQuery(call.kind, call.id, tenantScopeOf(call.context)),
  isGone: isCinderItemNotFound,
  action: (call, action, forward) => new RequestVolumeActionCommand(call.kind, call.id, action, forward, call.context),
  delete: (call, forward) => new DeleteVolumeResourceCommand(call.kind, call.id, forward, call.context),
  gone: (call) => new RecordVolumeResourceGoneCommand(call.kind, call.id, call.context),
  view: (body, location) => viewPodAz(body, location.pod),
};

/**
 * The calls on one existing block-storage resource (show, update, delete, metadata, actions) for
 * every volume slice: the routed calls every slice shares (api/forwarding), over the volumes slice.
 */
@Injectable()
export class VolumeResourceCalls extends RoutedCalls<ResourceCall, VolumeResourceLocation> {
  constructor(
    commands: CommandBus,
    queries: QueryBus,
    @Inject(PodProxy) proxy: Pick<PodProxy, 'forward'>,
    @Inject(PODGATE_CONFIG) config: Pick<PodgateConfig, 'http'>,
  ) {
    super(VOLUME_RESOURCES, commands, queries, proxy, config, VolumeResourceCalls.name);
  }
}
