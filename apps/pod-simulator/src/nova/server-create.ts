// POST /servers of the simulated Nova: validate like Nova, create the records in BUILD, pick a
// host now (the claim counts against capacity at once) and finish the build after a delay.
import { randomBytes } from 'node:crypto';
import { checkVolumeQuota, newVolumeRecord } from '../cinder/volume-factory';
import {
  Json,
  envelope,
  optionalBool,
  optionalInt,
  optionalNullableString,
  optionalString,
  requiredString,
  stringMap,
} from '../http/body';
import { ApiVersion, atLeast } from '../http/microversion';
import { badRequest } from '../http/openstack-error';
import { Caller } from '../http/request-context';
import { newAdminPass, newUuid } from '../ids';
import { PodState } from '../pod/pod-state';
import { snapshotFlavor } from './flavor-store';
import { recordInstanceAction } from './instance-action-log';
import {
  BootVolumeRequest,
  checkAvailabilityZone,
  checkComputeQuota,
  checkMetadataQuota,
  parseBootVolume,
  requestFor,
  resolveNetworks,
  resolveSecurityGroups,
} from './server-create-checks';
import { FlavorSnapshot, PowerState, ServerRecord } from './server.model';
import { scheduleBuild } from './server-tasks';
import { validateTags } from './server-tags';
import { attachVolume } from './volume-attach';

export interface CreatedServers {
  servers: ServerRecord[];
  adminPass: string;
  reservationId: string;
  returnReservationId: boolean;
}

/** `flavorRef`/`imageRef` may be bare ids or full URLs; Nova takes the last path segment. */
const lastSegment = (ref: string): string => ref.replace(/\/+$/, '').split('/').pop() ?? ref;

export const sanitizeHostname = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63) || 'server';

function rejectBefore(s: Json, key: string, version: ApiVersion, since: string): void {
  if (s[key] !== undefined && !atLeast(version, since))
    throw badRequest(
      `Invalid input for field/attribute server. Value: ${JSON.stringify(s)}. Additional properties are not allowed ('${key}' was unexpected)`,
    );
}

function resolveFlavor(pod: PodState, caller: Caller, s: Json) {
  const raw = s.flavorRef;
  if (raw === undefined)
    throw badRequest("Invalid input for field/attribute server. Value: None. 'flavorRef' is a required property");
  const flavor = pod.nova.flavors.find(lastSegment(String(raw)));
  if (!flavor || !(caller.isAdmin || flavor.isPublic || flavor.access.has(caller.projectId)))
    throw badRequest('Invalid flavorRef provided.');
  return snapshotFlavor(flavor);
}

function resolveImage(pod: PodState, caller: Caller, s: Json, boot: BootVolumeRequest | undefined): string | null {
  const raw = optionalString(s, 'imageRef', 2048);
  if (boot && (raw === undefined || raw === '')) return null;
  if (raw === undefined || raw === '') throw badRequest('Missing imageRef attribute');
  const image = pod.images.find(lastSegment(raw), caller.projectId, caller.isAdmin);
  if (!image) throw badRequest('Can not find requested image');
  if (image.status !== 'active') throw badRequest(`Image ${image.id} is not active.`);
  return image.id;
}

function countOf(s: Json): number {
  const min = optionalInt(s, 'min_count', 1) ?? 1;
  const max = optionalInt(s, 'max_count', 1) ?? min;
  if (min > max) throw badRequest('min_count must be <= max_count');
  return max;
}

function keyNameOf(pod: PodState, caller: Caller, s: Json): string | null {
  const keyName = optionalNullableString(s, 'key_name');
  if (!keyName) return null;
  if (!pod.nova.keypairsOf(caller.userId).has(keyName)) throw badRequest('Invalid key_name provided.');
  return keyName;
}

/** Everything a create request fixes for all the servers it makes; validated in Nova's order. */
interface CreateRequest {
  body: Json;
  name: string;
  flavor: FlavorSnapshot;
  boot: BootVolumeRequest | undefined;
  imageId: string | null;
  networkIds: string[];
  placement: { az: string | null; host?: string };
  keyName: string | null;
  securityGroups: string[];
  metadata: Record<string, string>;
  tags: string[];
  count: number;
}

function parseCreateRequest(pod: PodState, caller: Caller, raw: unknown, version: ApiVersion): CreateRequest {
  const body = envelope(raw, 'server');
  const name = requiredString(body, 'name');
  if (name.length === 0 || name.trim() !== name)
    throw badRequest(`Invalid input for field/attribute name. Value: ${name}. '${name}' does not match '^(?! )[\\S ]*(?<! )$'`);
  rejectBefore(body, 'description', version, '2.19');
  rejectBefore(body, 'tags', version, '2.52');
  rejectBefore(body, 'hostname', version, '2.90');
  const flavor = resolveFlavor(pod, caller, body);
  const boot = parseBootVolume(body.block_device_mapping_v2);
  const request: CreateRequest = {
    body,
    name,
    flavor,
    boot,
    imageId: resolveImage(pod, caller, body, boot),
    networkIds: resolveNetworks(pod, caller, body.networks, version),
    placement: checkAvailabilityZone(pod, caller, body.availability_zone),
    keyName: keyNameOf(pod, caller, body),
    securityGroups: resolveSecurityGroups(pod, caller, body.security_groups),
    metadata: body.metadata === undefined ? {} : stringMap(body.metadata, 'metadata'),
    tags: body.tags === undefined ? [] : validateTags(body.tags),
    count: countOf(body),
  };
  checkMetadataQuota(pod, request.metadata);
  checkComputeQuota(pod, caller.projectId, requestFor(flavor, request.count));
  return request;
}

/** One server of the request in BUILD, with its host already claimed (or none: NoValidHost later). */
function newServerRecord(pod: PodState, caller: Caller, r: CreateRequest, index: number, reservationId: string): ServerRecord {
  const now = pod.now();
  const name = r.count > 1 ? `${r.name}-${index + 1}` : r.name;
  const host = pod.scheduler.pickHost(r.flavor, r.imageId === null, { only: r.placement.host });
  return {
    id: newUuid(),
    name,
    projectId: caller.projectId,
    userId: caller.userId,
    flavor: r.flavor,
    imageId: r.imageId,
    vmState: 'building',
    taskState: 'scheduling',
    powerState: PowerState.NOSTATE,
    host: host?.name ?? null,
    az: pod.config.az,
    pinnedAz: r.placement.az,
    createdAt: now,
    updatedAt: now,
    launchedAt: null,
    metadata: { ...r.metadata },
    tags: [...r.tags],
    description: optionalNullableString(r.body, 'description') ?? null,
    keyName: r.keyName,
    securityGroups: [...r.securityGroups],
    accessIPv4: optionalString(r.body, 'accessIPv4') ?? '',
    accessIPv6: optionalString(r.body, 'accessIPv6') ?? '',
    locked: false,
    lockedReason: null,
    lockedByAdmin: false,
    fault: null,
    volumeAttachments: [],
    reservationId,
    launchIndex: index,
    hostname: optionalString(r.body, 'hostname') ?? sanitizeHostname(name),
    userData: optionalString(r.body, 'user_data', 65535) ?? null,
    configDrive: optionalBool(r.body, 'config_drive') ? 'True' : '',
    diskConfig: r.body['OS-DCF:diskConfig'] === 'AUTO' ? 'AUTO' : 'MANUAL',
    instanceName: pod.nova.nextInstanceName(),
    trustedImageCertificates: null,
  };
}

export function createServers(
  pod: PodState,
  caller: Caller,
  body: unknown,
  version: ApiVersion,
  requestId: string,
): CreatedServers {
  const request = parseCreateRequest(pod, caller, body, version);
  const bootVolume = request.boot ? prepareBootVolume(pod, caller, request.boot) : undefined;
  const reservationId = `r-${randomBytes(4).toString('hex')}`;
  const servers: ServerRecord[] = [];
  for (let index = 0; index < request.count; index++) {
    const server = newServerRecord(pod, caller, request, index, reservationId);
    pod.nova.servers.set(server.id, server);
    if (bootVolume && index === 0) {
      attachVolume(pod, server, bootVolume.volume, { root: true, deleteOnTermination: bootVolume.deleteOnTermination });
    }
    recordInstanceAction(pod, server, 'create', caller, requestId, pod.config.delays.buildMs);
    scheduleBuild(pod, server, request.networkIds);
    servers.push(server);
  }
  return {
    servers,
    adminPass: optionalString(request.body, 'adminPass') ?? newAdminPass(),
    reservationId,
    returnReservationId: optionalBool(request.body, 'return_reservation_id') ?? false,
  };
}

function prepareBootVolume(pod: PodState, caller: Caller, boot: BootVolumeRequest) {
  if (boot.kind === 'volume') {
    const volume = pod.cinder.volumes.get(boot.volumeId);
    if (!volume || !(caller.isAdmin || volume.projectId === caller.projectId))
      throw badRequest(`Block Device Mapping is Invalid: failed to get volume ${boot.volumeId}.`);
    if (volume.status !== 'available')
      throw badRequest(`Invalid volume: volume '${volume.id}' status must be 'available'. Currently in '${volume.status}'`);
    return { volume, deleteOnTermination: boot.deleteOnTermination };
  }
  if (!pod.images.find(boot.imageId, caller.projectId, caller.isAdmin))
    throw badRequest(`Block Device Mapping is Invalid: failed to get image ${boot.imageId}.`);
  checkVolumeQuota(pod, caller.projectId, boot.sizeGb);
  // Nova waits for Cinder to finish the copy before it attaches; the simulator copies instantly.
  const volume = newVolumeRecord(pod, caller, { size: boot.sizeGb, name: '', imageId: boot.imageId, status: 'available' });
  return { volume, deleteOnTermination: boot.deleteOnTermination };
}
