// Test helper (excluded from the build): the volumes slice's handlers over PGlite, in front of the
// pod simulator's Cinder on real sockets (the shared pod test bed).
import { SelectPodHandler } from '@podgate/bindings';
import type { PodView } from '@podgate/pods';
import {
  type BedPod,
  type HandlerOverrides,
  openPodTestBed,
  type PodTestBed,
  type Tenant,
} from '@podgate/routed-resources/testing';
import type { PodOptions } from '../../../../apps/pod-simulator/src/pod/pod-config';
import { CreateVolumeResourceCommand } from '../commands/create-volume-resource/create-volume-resource.command';
import { CreateVolumeResourceHandler } from '../commands/create-volume-resource/create-volume-resource.handler';
import { VolumeProvisioningConfirmer } from '../commands/create-volume-resource/volume-provisioning-confirmer';
import { DeleteVolumeResourceHandler } from '../commands/delete-volume-resource/delete-volume-resource.handler';
import { VolumeDeletionConfirmer } from '../commands/delete-volume-resource/volume-deletion-confirmer';
import { RecordVolumeResourceGoneHandler } from '../commands/record-volume-resource-gone/record-volume-resource-gone.handler';
import { RequestVolumeActionHandler } from '../commands/request-volume-action/request-volume-action.handler';
import type { VolumesWriteOptions } from '../commands/volumes-write.options';
import type { CreatePlacement, VolumeForward, VolumeResourceKind } from '../domain/volume-resource';
import { VolumeResourceRoutes } from '../location/volume-resource-routes';

export type { BedPod, Tenant };

export interface VolumesHandlers {
  readonly routes: VolumeResourceRoutes;
  readonly create: CreateVolumeResourceHandler;
  readonly action: RequestVolumeActionHandler;
  readonly remove: DeleteVolumeResourceHandler;
  readonly gone: RecordVolumeResourceGoneHandler;
  readonly confirmer: VolumeDeletionConfirmer;
  /** Creates in doubt (first asked after 20 ms unless `options` say otherwise). */
  readonly provisioning: VolumeProvisioningConfirmer;
}

export interface VolumesTestBed extends PodTestBed {
  /** A fresh set of handlers (own route cache), as one gateway process has (noauth unless a Keystone is given). */
  handlers(options?: VolumesWriteOptions, overrides?: HandlerOverrides): VolumesHandlers;
}

export async function openVolumesTestBed(pods?: readonly PodOptions[]): Promise<VolumesTestBed> {
  const bed = await openPodTestBed(pods);
  return {
    ...bed,
    handlers: (options, overrides = {}) => {
      const store = overrides.store ?? bed.store;
      const proxy = overrides.proxy ?? bed.proxy;
      const routes = new VolumeResourceRoutes(store, bed.sql, options);
      const selector = new SelectPodHandler(store, bed.sql, {
        scheduling: { usagePollSeconds: 0, weighers: { freeCapacity: 1, fewerBindings: 0 } },
      });
      const gone = new RecordVolumeResourceGoneHandler(store, routes, options);
      const confirmer = new VolumeDeletionConfirmer(proxy, gone, overrides.keystone ?? null, {
        deleteConfirmIntervalMs: 20,
        ...options,
      });
      const provisioning = new VolumeProvisioningConfirmer(store, proxy, routes, overrides.keystone ?? null, {
        provisionConfirmIntervalMs: 20,
        ...options,
      });
      return {
        routes,
        create: new CreateVolumeResourceHandler(store, bed.sql, proxy, selector, routes, provisioning, options),
        action: new RequestVolumeActionHandler(store, proxy, routes, options),
        remove: new DeleteVolumeResourceHandler(store, proxy, routes, confirmer, gone, options),
        gone,
        confirmer,
        provisioning,
      };
    },
  };
}

/** Cinder's POST of `kind` with `body` inside its envelope; the pod's own AZ goes into a volume's body. */
export function createCommand(
  tenant: Tenant,
  kind: VolumeResourceKind,
  placement: CreatePlacement,
  body: Record<string, unknown> = {},
  requestId?: string,
): CreateVolumeResourceCommand {
  const forwardFor = (_pod: PodView, podAzName: string): VolumeForward => ({
    method: 'POST',
    path: `/${kind}s`,
    token: tenant.token,
    body: { [kind]: kind === 'volume' ? { size: 1, ...body, availability_zone: podAzName } : body },
  });
  return new CreateVolumeResourceCommand(kind, placement, forwardFor, tenant.context(requestId));
}

/** A volume placement by binding in `azName`. */
export const inAz = (azName: string): CreatePlacement => ({ by: 'binding', azName, affinityTag: null });

/** The volumes the simulated pod holds for a project: the pod's truth, not podgate's. */
export const podVolumesOf = (pod: BedPod, projectId: string) =>
  [...pod.sim.state.cinder.volumes.values()].filter((volume) => volume.projectId === projectId);
