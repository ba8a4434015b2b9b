// The checks Nova runs on POST /servers before anything is created: networks, security groups,
// availability zone, quotas, block device mappings.
import { Json, isObject, optionalBool, optionalInt } from '../http/body';
import { badRequest, forbidden } from '../http/openstack-error';
import { Caller } from '../http/request-context';
import { ApiVersion, atLeast } from '../http/microversion';
import { PodState } from '../pod/pod-state';
import { FlavorSnapshot } from './server.model';

/** Network ids to plug the server into; [] for `"none"`. */
export function resolveNetworks(pod: PodState, caller: Caller, raw: unknown, version: ApiVersion): string[] {
  const shared = pod.network.sharedNetwork.id;
  if (raw === undefined) {
    if (atLeast(version, '2.37'))
      throw badRequest("Invalid input for field/attribute server. Value: None. 'networks' is a required property");
    return [shared];
  }
  if (raw === 'none') return [];
  if (raw === 'auto') return [shared];
  if (!Array.isArray(raw))
    throw badRequest(`Invalid input for field/attribute networks. Value: ${JSON.stringify(raw)}. Bad networks format`);
  return raw.map((entry) => {
    if (!isObject(entry)) throw badRequest('Bad networks format');
    if (typeof entry.port === 'string') throw badRequest(`Port ${entry.port} could not be found.`);
    const uuid = entry.uuid;
    if (typeof uuid !== 'string') throw badRequest('Bad networks format: network uuid is not in proper format');
    const network = pod.network.visibleNetworks(caller.projectId, caller.isAdmin).find((n) => n.id === uuid);
    if (!network) throw badRequest(`Network ${uuid} could not be found.`);
    return network.id;
  });
}

export function resolveSecurityGroups(pod: PodState, caller: Caller, raw: unknown): string[] {
  if (raw === undefined) return ['default'];
  if (!Array.isArray(raw)) throw badRequest('Invalid input for field/attribute security_groups.');
  return raw.map((entry) => {
    const name = isObject(entry) ? entry.name : undefined;
    if (typeof name !== 'string') throw badRequest('Invalid input for field/attribute security_groups.');
    const group = pod.network.findSecurityGroup(caller.projectId, name, pod.now());
    if (!group) throw badRequest(`Security group ${name} not found for project ${caller.projectId}.`);
    return group.name;
  });
}

/** `az` or the admin form `az:host`; returns the pinned host, if any. */
export function checkAvailabilityZone(pod: PodState, caller: Caller, raw: unknown): { az: string | null; host?: string } {
  if (raw === undefined || raw === null || raw === '') return { az: null };
  if (typeof raw !== 'string') throw badRequest('Invalid input for field/attribute availability_zone.');
  const [az, host] = raw.split(':', 2);
  if (az !== pod.config.az) throw badRequest('The requested availability zone is not available');
  if (host !== undefined && host !== '') {
    if (!caller.isAdmin) throw forbidden(`Policy doesn't allow os_compute_api:servers:create:forced_host to be performed.`);
    if (!pod.nova.hosts.some((h) => h.name === host)) throw badRequest(`Compute host ${host} could not be found.`);
    return { az, host };
  }
  return { az };
}

export interface ComputeRequest {
  instances: number;
  cores: number;
  ram: number;
}

export const requestFor = (flavor: FlavorSnapshot, count: number): ComputeRequest => ({
  instances: count,
  cores: flavor.vcpus * count,
  ram: flavor.ram * count,
});

/** instances, cores and ram quotas of a project, counted over its servers (-1 = unlimited). */
export function checkComputeQuota(pod: PodState, projectId: string, requested: ComputeRequest): void {
  const servers = pod.nova.projectServers(projectId);
  const quotas = pod.config.quotas;
  const usage = [
    { resource: 'instances', requested: requested.instances, used: servers.length, allowed: quotas.instances },
    {
      resource: 'cores',
      requested: requested.cores,
      used: servers.reduce((n, s) => n + s.flavor.vcpus, 0),
      allowed: quotas.cores,
    },
    { resource: 'ram', requested: requested.ram, used: servers.reduce((n, s) => n + s.flavor.ram, 0), allowed: quotas.ram },
  ];
  const over = usage.filter((u) => u.requested > 0 && u.allowed >= 0 && u.used + u.requested > u.allowed);
  if (over.length === 0) return;
  const names = over.map((u) => u.resource).join(', ');
  throw forbidden(
    `Quota exceeded for ${names}: Requested ${over.map((u) => u.requested).join(', ')}, but already used ${over.map((u) => u.used).join(', ')} of ${over.map((u) => u.allowed).join(', ')} ${names}`,
  );
}

export function checkMetadataQuota(pod: PodState, metadata: Record<string, string>): void {
  const allowed = pod.config.quotas.metadataItems;
  if (Object.keys(metadata).length > allowed) throw forbidden(`Maximum number of metadata items exceeds ${allowed}`);
}

export type BootVolumeRequest =
  | { kind: 'volume'; volumeId: string; deleteOnTermination: boolean }
  | { kind: 'image'; imageId: string; sizeGb: number; deleteOnTermination: boolean };

/** The boot disk of block_device_mapping_v2 when it is a Cinder volume; other mappings are not simulated. */
export function parseBootVolume(raw: unknown): BootVolumeRequest | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) throw badRequest('Invalid input for field/attribute block_device_mapping_v2.');
  const boot = raw.find((m): m is Json => isObject(m) && (m.boot_index === 0 || m.boot_index === '0'));
  if (!boot || boot.destination_type !== 'volume') return undefined;
  const deleteOnTermination = optionalBool(boot, 'delete_on_termination') ?? false;
  if (boot.source_type === 'volume' && typeof boot.uuid === 'string')
    return { kind: 'volume', volumeId: boot.uuid, deleteOnTermination };
  if (boot.source_type === 'image' && typeof boot.uuid === 'string') {
    const sizeGb = optionalInt(boot, 'volume_size', 1);
    if (sizeGb === undefined) throw badRequest("Images with destination_type 'volume' need to have a non-zero size specified");
    return { kind: 'image', imageId: boot.uuid, sizeGb, deleteOnTermination };
  }
  throw badRequest('The pod simulator only boots from source_type volume or image with destination_type volume.');
}
