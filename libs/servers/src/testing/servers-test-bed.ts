// Test helper (excluded from the build): the servers slice's handlers over PGlite, in front of the
// pod simulator on real sockets (the shared pod test bed).
import { SelectPodHandler } from '@podgate/bindings';
import type { EventStore } from '@podgate/event-store';
import { type KeystoneClient, PodProxy } from '@podgate/openstack';
import {
  type BedPod,
  type HandlerOverrides,
  openPodTestBed,
  type PodTestBed,
  type Tenant,
} from '@podgate/routed-resources/testing';
import type { SqlClient } from '@podgate/sql';
import { CIRROS_IMAGE_ID } from '../../../../apps/pod-simulator/src/glance/image-store';
import type { PodOptions } from '../../../../apps/pod-simulator/src/pod/pod-config';
import { CreateServerHandler } from '../commands/create-server/create-server.handler';
import { ProvisioningConfirmer } from '../commands/create-server/provisioning-confirmer';
import { DeleteServerHandler } from '../commands/delete-server/delete-server.handler';
import { DeletionConfirmer } from '../commands/delete-server/deletion-confirmer';
import { RecordServerGoneHandler } from '../commands/record-server-gone/record-server-gone.handler';
import { RequestServerActionHandler } from '../commands/request-server-action/request-server-action.handler';
import type { ServersWriteOptions } from '../commands/servers-write.options';
import { ServerRoutes } from '../location/server-routes';

export { CIRROS_IMAGE_ID };
export type { BedPod, HandlerOverrides, Tenant };
export interface ServersHandlers {
  readonly routes: ServerRoutes;
  readonly create: CreateServerHandler;
  readonly action: RequestServerActionHandler;
  readonly remove: DeleteServerHandler;
  readonly gone: RecordServerGoneHandler;
  readonly confirmer: DeletionConfirmer;
  readonly provisioning: ProvisioningConfirmer;
}

export interface ServersTestBed extends PodTestBed {
  /** A fresh set of handlers (own route cache), as one gateway process has (noauth unless a Keystone is given). */
  handlers(options?: ServersWriteOptions, overrides?: HandlerOverrides): ServersHandlers;
}

/** Two pods, az1 and az2, each with its own simulated AZ name, so AZ translation is visible. */
export async function openServersTestBed(pods?: readonly PodOptions[]): Promise<ServersTestBed> {
  const bed = await openPodTestBed(pods);
  return {
    ...bed,
    handlers: (options, overrides) =>
      handlersOver(overrides?.store ?? bed.store, bed.sql, overrides?.proxy ?? bed.proxy, options, overrides?.keystone),
  };
}

function handlersOver(
  store: EventStore,
  sql: SqlClient,
  proxy: Pick<PodProxy, 'forward'>,
  options?: ServersWriteOptions,
  keystone: Pick<KeystoneClient, 'serviceToken'> | null = null,
): ServersHandlers {
  const routes = new ServerRoutes(store, sql, options);
  const selector = new SelectPodHandler(store, sql, {
    scheduling: { usagePollSeconds: 0, weighers: { freeCapacity: 1, fewerBindings: 0 } },
  });
  const gone = new RecordServerGoneHandler(store, routes, options);
  const confirmer = new DeletionConfirmer(proxy, gone, keystone, { deleteConfirmIntervalMs: 20, ...options });
  const provisioning = new ProvisioningConfirmer(store, proxy, routes, keystone, { provisionConfirmIntervalMs: 20, ...options });
  return {
    routes,
    create: new CreateServerHandler(
      store,
      sql,
      { compute: { defaultAzName: null, flavorSyncSeconds: 0 } },
      proxy,
      selector,
      routes,
      provisioning,
      options,
    ),
    action: new RequestServerActionHandler(store, proxy, routes, options),
    remove: new DeleteServerHandler(store, proxy, routes, confirmer, gone, options),
    gone,
    confirmer,
    provisioning,
  };
}

/** Nova's POST /servers of `tenant` (microversion 2.1: no networks needed), m1.tiny from cirros. */
export function createServerInput(
  tenant: Tenant,
  server: Record<string, unknown> = {},
  options: { azName?: string | null; affinityTag?: string | null } = {},
) {
  const body = { server: { name: 'vm', flavorRef: '1', imageRef: CIRROS_IMAGE_ID, ...server } };
  return {
    projectId: tenant.projectId,
    azName: options.azName === undefined ? 'az1' : options.azName,
    affinityTag: options.affinityTag ?? null,
    flavorRef: String(body.server.flavorRef),
    body,
    forward: { method: 'POST', path: '/servers', token: tenant.token },
  };
}

/** The servers the simulated pod holds for a project: the pod's truth, not podgate's. */
export const podServersOf = (pod: BedPod, projectId: string) =>
  [...pod.sim.state.nova.servers.values()].filter((server) => server.projectId === projectId);

/** The server's status as the pod shows it over HTTP (the simulator applies finished tasks on the next request). */
export async function statusOnPod(bed: ServersTestBed, pod: BedPod, tenant: Tenant, serverId: string): Promise<string | number> {
  const response = await bed.proxy.forward({
    pod: { podId: pod.podId, name: pod.name, endpoints: { compute: pod.sim.computeUrl } },
    service: 'compute',
    projectId: tenant.projectId,
    method: 'GET',
    path: `/servers/${serverId}`,
    token: tenant.token,
  });
  return response.status === 200 ? (response.body as { server: { status: string } }).server.status : response.status;
}
