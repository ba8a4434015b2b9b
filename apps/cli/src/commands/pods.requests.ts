import type { ApiRequest } from '../admin-client/admin-http';
import { CliError } from '../cli-errors';
import type { PageOptions } from './admin-command';

export const POD_PATH = '/v1.0/pods';

export interface PodListOptions extends PageOptions {
  readonly az?: string;
  readonly maintenance?: boolean;
  readonly status?: string;
}

/** The profile options shared by `register` and `update`; `affinityTag: false` is `--no-affinity-tag`. */
export interface PodProfileOptions {
  readonly az?: string;
  readonly podAz?: string;
  readonly dc?: string;
  readonly affinityTag?: string | false;
  readonly capacityThreshold?: number;
  readonly computeUrl?: string;
  readonly volumeUrl?: string;
  readonly imageUrl?: string;
}

export const podPath = (podId: string): string => `${POD_PATH}/${encodeURIComponent(podId)}`;

export function podListRequest(options: PodListOptions): ApiRequest {
  return {
    method: 'GET',
    path: POD_PATH,
    query: { az_name: options.az, in_maintenance: options.maintenance, status: options.status, marker: options.marker },
  };
}

export function podRegisterRequest(name: string, options: PodProfileOptions & { az: string }): ApiRequest {
  return { method: 'POST', path: POD_PATH, body: { pod: { name, ...profileFields(options) } } };
}

export function podUpdateRequest(podId: string, options: PodProfileOptions): ApiRequest {
  const pod = profileFields(options);
  if (Object.keys(pod).length === 0)
    throw new CliError('nothing to update: give at least one option (see podgate pods update --help)');
  return { method: 'PUT', path: podPath(podId), body: { pod } };
}

/** Drain = maintenance on: the scheduler stops choosing the pod; bindings and resources stay. */
export function podMaintenanceRequest(podId: string, maintenance: boolean, reason?: string): ApiRequest {
  return {
    method: 'PUT',
    path: podPath(podId),
    body: { pod: { maintenance, ...(reason === undefined ? {} : { maintenance_reason: reason }) } },
  };
}

export function podDeregisterRequest(podId: string, options: { force?: boolean; reason?: string }): ApiRequest {
  return { method: 'DELETE', path: podPath(podId), query: { force: options.force ? true : undefined, reason: options.reason } };
}

/** Only the fields the user gave, so an update never resets the others. */
function profileFields(options: PodProfileOptions): Record<string, unknown> {
  const endpoints = definedOnly({ compute: options.computeUrl, volume: options.volumeUrl, image: options.imageUrl });
  return definedOnly({
    az_name: options.az,
    pod_az_name: options.podAz,
    dc_name: options.dc,
    affinity_tag: options.affinityTag === false ? null : options.affinityTag,
    capacity_threshold: options.capacityThreshold,
    endpoints: Object.keys(endpoints).length > 0 ? endpoints : undefined,
  });
}

function definedOnly(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
