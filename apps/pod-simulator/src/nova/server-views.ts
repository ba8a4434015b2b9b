// Renders servers exactly as Nova's view builder does for the negotiated microversion and role
// (field by field, checked against Tempest's response schemas).
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { isoMicrosNaive, isoSeconds } from '../clock';
import { ApiVersion, atLeast } from '../http/microversion';
import { PodState } from '../pod/pod-state';
import { computeBookmark, computeLinks } from './links';
import { ServerRecord } from './server.model';
import { PROGRESS_STATUSES, serverStatus } from './server-status';

export interface ServerViewContext {
  request: FastifyRequest;
  version: ApiVersion;
  isAdmin: boolean;
  pod: PodState;
}

/** Nova's hostId: sha224(project_id + host), empty when the server has no host. */
export const hostId = (s: ServerRecord): string =>
  s.host
    ? createHash('sha224')
        .update(s.projectId + s.host)
        .digest('hex')
    : '';

export function renderServerSummary(s: ServerRecord, ctx: ServerViewContext): Record<string, unknown> {
  return { id: s.id, links: computeLinks(ctx.request, `/servers/${s.id}`), name: s.name };
}

function addresses(s: ServerRecord, ctx: ServerViewContext, extended: boolean): Record<string, unknown[]> {
  const result: Record<string, unknown[]> = {};
  for (const port of ctx.pod.network.portsOf(s.id)) {
    const network = ctx.pod.network.networks.find((n) => n.id === port.networkId);
    const entry: Record<string, unknown> = { version: 4, addr: port.ipAddress };
    if (extended) Object.assign(entry, { 'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': port.macAddress });
    (result[network?.name ?? port.networkId] ??= []).push(entry);
  }
  return result;
}

function flavorView(s: ServerRecord, ctx: ServerViewContext): Record<string, unknown> {
  if (!atLeast(ctx.version, '2.47')) return { id: s.flavor.id, links: computeBookmark(ctx.request, `/flavors/${s.flavor.id}`) };
  return {
    vcpus: s.flavor.vcpus,
    ram: s.flavor.ram,
    disk: s.flavor.disk,
    ephemeral: s.flavor.ephemeral,
    swap: s.flavor.swap,
    original_name: s.flavor.name,
    extra_specs: { ...s.flavor.extraSpecs },
  };
}

function hostStatus(s: ServerRecord, ctx: ServerViewContext): string {
  if (!s.host) return '';
  const service = ctx.pod.nova.computeService(s.host);
  if (!service) return 'UNKNOWN';
  if (service.forcedDown) return 'DOWN';
  return service.disabled ? 'MAINTENANCE' : 'UP';
}

/** The basic view: what PUT /servers/{id} and rebuild returned before 2.75. */
function basicView(s: ServerRecord, ctx: ServerViewContext, extended: boolean): Record<string, unknown> {
  const status = serverStatus(s.vmState, s.taskState);
  const view: Record<string, unknown> = {
    id: s.id,
    name: s.name,
    status,
    tenant_id: s.projectId,
    user_id: s.userId,
    metadata: { ...s.metadata },
    hostId: hostId(s),
    image: s.imageId ? { id: s.imageId, links: computeBookmark(ctx.request, `/images/${s.imageId}`) } : '',
    flavor: flavorView(s, ctx),
    created: isoSeconds(s.createdAt),
    updated: isoSeconds(s.updatedAt),
    addresses: addresses(s, ctx, extended),
    accessIPv4: s.accessIPv4,
    accessIPv6: s.accessIPv6,
    links: computeLinks(ctx.request, `/servers/${s.id}`),
    'OS-DCF:diskConfig': s.diskConfig,
  };
  if (PROGRESS_STATUSES.has(status)) view.progress = 0;
  if (s.fault && (status === 'ERROR' || status === 'DELETED')) {
    const fault: Record<string, unknown> = { code: s.fault.code, created: isoSeconds(s.fault.created), message: s.fault.message };
    // Nova hides the details of 500 faults from non-admins (they are tracebacks).
    if (ctx.isAdmin || s.fault.code !== 500) fault.details = s.fault.details;
    view.fault = fault;
  }
  addVersionedFields(view, s, ctx);
  return view;
}

function addVersionedFields(view: Record<string, unknown>, s: ServerRecord, ctx: ServerViewContext): void {
  const v = ctx.version;
  if (atLeast(v, '2.9')) view.locked = s.locked;
  if (atLeast(v, '2.16') && ctx.isAdmin) view.host_status = hostStatus(s, ctx);
  if (atLeast(v, '2.19')) view.description = s.description;
  if (atLeast(v, '2.26')) view.tags = [...s.tags];
  if (atLeast(v, '2.63')) view.trusted_image_certificates = s.trustedImageCertificates;
  if (atLeast(v, '2.73')) view.locked_reason = s.lockedReason;
  if (atLeast(v, '2.96')) view.pinned_availability_zone = s.pinnedAz;
}

function extendedFields(s: ServerRecord, ctx: ServerViewContext): Record<string, unknown> {
  const v = ctx.version;
  const fields: Record<string, unknown> = {
    key_name: s.keyName,
    'OS-SRV-USG:launched_at': s.launchedAt === null ? null : isoMicrosNaive(s.launchedAt),
    'OS-SRV-USG:terminated_at': null,
    'OS-EXT-AZ:availability_zone': s.az,
    'OS-EXT-STS:task_state': s.taskState,
    'OS-EXT-STS:vm_state': s.vmState,
    'OS-EXT-STS:power_state': s.powerState,
    'os-extended-volumes:volumes_attached': s.volumeAttachments.map((a) =>
      atLeast(v, '2.3') ? { id: a.volumeId, delete_on_termination: a.deleteOnTermination } : { id: a.volumeId },
    ),
    config_drive: s.configDrive,
  };
  // Nova lists security groups only for servers with ports.
  if (s.securityGroups.length > 0 && ctx.pod.network.portsOf(s.id).length > 0)
    fields.security_groups = s.securityGroups.map((name) => ({ name }));
  if (ctx.isAdmin) {
    Object.assign(fields, {
      'OS-EXT-SRV-ATTR:host': s.host,
      'OS-EXT-SRV-ATTR:instance_name': s.instanceName,
      'OS-EXT-SRV-ATTR:hypervisor_hostname': s.host,
    });
    if (atLeast(v, '2.3')) {
      Object.assign(fields, {
        'OS-EXT-SRV-ATTR:reservation_id': s.reservationId,
        'OS-EXT-SRV-ATTR:launch_index': s.launchIndex,
        'OS-EXT-SRV-ATTR:kernel_id': '',
        'OS-EXT-SRV-ATTR:ramdisk_id': '',
        'OS-EXT-SRV-ATTR:hostname': s.hostname,
        'OS-EXT-SRV-ATTR:root_device_name': '/dev/vda',
        'OS-EXT-SRV-ATTR:user_data': s.userData,
      });
    }
  } else if (atLeast(v, '2.90')) {
    fields['OS-EXT-SRV-ATTR:hostname'] = s.hostname;
  }
  return fields;
}

/** GET /servers/{id}, /servers/detail and (2.75+) update/rebuild responses. */
export function renderServerDetail(
  s: ServerRecord,
  ctx: ServerViewContext,
  options: { serverGroups?: boolean } = {},
): Record<string, unknown> {
  const view = { ...basicView(s, ctx, true), ...extendedFields(s, ctx) };
  if (options.serverGroups && atLeast(ctx.version, '2.71')) view.server_groups = [];
  return view;
}

/** PUT /servers/{id} and rebuild: basic view before 2.75, full view since. */
export function renderServerAfterChange(s: ServerRecord, ctx: ServerViewContext): Record<string, unknown> {
  if (atLeast(ctx.version, '2.75')) return renderServerDetail(s, ctx, { serverGroups: true });
  const view = basicView(s, ctx, false);
  if (atLeast(ctx.version, '2.71')) view.server_groups = [];
  return view;
}
