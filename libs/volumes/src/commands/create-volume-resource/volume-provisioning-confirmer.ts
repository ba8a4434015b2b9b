import { Inject, Injectable, Logger, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@podgate/event-store';
import { metadataFor, type RequestContext } from '@podgate/kernel';
import { KEYSTONE_CLIENT, type KeystoneClient, PodProxy } from '@podgate/openstack';
import { type CreationToWatch, CreationWatch, foldStreams } from '@podgate/routed-resources';
import type { VolumeResourceKind } from '../../domain/volume-resource';
import { volumeProvisioningStream, volumeResourceModel } from '../../domain/volume-resource.stream';
import { VolumeResourceRoutes } from '../../location/volume-resource-routes';
import { resolveVolumesWriteOptions, VOLUMES_WRITE_OPTIONS, type VolumesWriteOptions } from '../volumes-write.options';
import { recordVolumeResourceCreated } from './record-volume-resource-created';
import { findTaggedVolumeResources } from './tagged-volume-resources';

/** A volume or snapshot create whose POST may have reached the pod while its outcome is not recorded. */
export interface VolumeProvisioningToConfirm extends CreationToWatch {
  /** A kind whose creates carry the provisioning tag (isTaggedKind). */
  readonly kind: VolumeResourceKind;
  /** The create request's context: the adoption is caused by it. */
  readonly context: RequestContext;
}

/**
 * Adopts the volumes and snapshots of creates whose answer was lost (the watching is every routed
 * resource's CreationWatch): asks the pod for the resource carrying the provisioning tag
 * (findTaggedVolumeResources) and records `<Kind>Created` with its route; a repeat is a no-op.
 */
@Injectable()
export class VolumeProvisioningConfirmer extends CreationWatch<VolumeProvisioningToConfirm> implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(PodProxy) proxy: Pick<PodProxy, 'forward'>,
    @Inject(VolumeResourceRoutes) routes: VolumeResourceRoutes,
    /** Null or absent in noauth mode: no service credentials. SECURITY: its token is never logged. */
    @Optional() @Inject(KEYSTONE_CLIENT) service?: Pick<KeystoneClient, 'serviceToken'> | null,
    @Optional() @Inject(VOLUMES_WRITE_OPTIONS) options?: VolumesWriteOptions,
  ) {
    const resolved = resolveVolumesWriteOptions(options);
    super(
      service,
      resolved,
      {
        noun: (item) => item.kind,
        serviceMaySeeNone: true,
        find: async (item, { token, allTenants, signal, timeoutMs }) => {
          const caller = { pod: item.pod, projectId: item.projectId, token, globalRequestId: item.globalRequestId };
          const found = await findTaggedVolumeResources(proxy, caller, item.kind, item.provisioningId, {
            allTenants,
            signal,
            timeoutMs,
          });
          return found.items.slice(0, 1).map((resource) => String(resource['id']));
        },
        record: async (item, [resourceId]) => {
          const { kind, provisioningId } = item;
          const model = volumeResourceModel(kind);
          const { state } = await foldStreams(store, model, [volumeProvisioningStream(kind, provisioningId)]);
          const metadata = metadataFor(item.context, resolved.clock.now());
          await recordVolumeResourceCreated(store, routes, { kind, resourceId, provisioningId }, state, metadata);
        },
      },
      new Logger(VolumeProvisioningConfirmer.name),
    );
  }
}
