// The legacy attach/detach actions of the simulated Cinder (what Nova called before the 3.27
// attachments API): os-reserve, os-unreserve, os-begin_detaching, os-roll_detaching, os-attach,
// os-detach, os-initialize_connection, os-terminate_connection, os-force_detach.
import { optionalString } from '../http/body';
import { badRequest } from '../http/openstack-error';
import { newUuid } from '../ids';
import { releaseAttachment } from '../nova/volume-attach';
import { restingStatus } from './volume-lifecycle';
import {
  ACCEPTED,
  VolumeActionContext,
  VolumeActionHandler,
  VolumeActionResult,
  invalidVolume,
  requireVolumeAdmin,
} from './volume-action.types';

function reserve(ctx: VolumeActionContext): VolumeActionResult {
  const v = ctx.volume;
  const ok = v.status === 'available' || (v.multiattach && v.status === 'in-use');
  if (!ok) throw invalidVolume(`Volume status must be available to reserve, but the current status is ${v.status}.`);
  v.status = 'attaching';
  v.updatedAt = ctx.pod.now();
  return ACCEPTED;
}

function unreserve(ctx: VolumeActionContext): VolumeActionResult {
  const v = ctx.volume;
  if (v.status === 'attaching') v.status = restingStatus(v);
  v.updatedAt = ctx.pod.now();
  return ACCEPTED;
}

function beginDetaching(ctx: VolumeActionContext): VolumeActionResult {
  const v = ctx.volume;
  if (v.status !== 'in-use' || v.attachStatus !== 'attached') {
    throw invalidVolume(
      "Unable to detach volume. Volume status must be 'in-use' and attach_status must be 'attached' to detach.",
    );
  }
  v.status = 'detaching';
  v.updatedAt = ctx.pod.now();
  return ACCEPTED;
}

function rollDetaching(ctx: VolumeActionContext): VolumeActionResult {
  if (ctx.volume.status === 'detaching') ctx.volume.status = 'in-use';
  ctx.volume.updatedAt = ctx.pod.now();
  return ACCEPTED;
}

function attach(ctx: VolumeActionContext): VolumeActionResult {
  const v = ctx.volume;
  const mountpoint = optionalString(ctx.args, 'mountpoint');
  if (!mountpoint) throw badRequest("Invalid input received: 'mountpoint' is a required property");
  const mode = ctx.args.mode === 'ro' ? 'ro' : 'rw';
  if (!['available', 'attaching', 'reserved'].includes(v.status) && !(v.multiattach && v.status === 'in-use')) {
    throw invalidVolume(`Volume status must be available or attaching to attach, but the current status is ${v.status}.`);
  }
  const now = ctx.pod.now();
  v.attachments.push({
    id: newUuid(),
    volumeId: v.id,
    instanceUuid: optionalString(ctx.args, 'instance_uuid') ?? null,
    hostName: optionalString(ctx.args, 'host_name') ?? null,
    mountpoint,
    attachMode: mode,
    status: 'attached',
    connector: null,
    attachedAt: now,
    detachedAt: null,
  });
  v.status = 'in-use';
  v.attachStatus = 'attached';
  v.updatedAt = now;
  return ACCEPTED;
}

function detach(ctx: VolumeActionContext): VolumeActionResult {
  const v = ctx.volume;
  const requested = optionalString(ctx.args, 'attachment_id');
  const attachment = requested
    ? v.attachments.find((a) => a.id === requested)
    : v.attachments.length === 1
      ? v.attachments[0]
      : undefined;
  if (!attachment) {
    if (v.attachments.length > 1)
      throw invalidVolume('Detach volume failed, because there are multiple attachments and no attachment_id was given.');
    throw invalidVolume(`Volume ${v.id} is not attached.`);
  }
  releaseAttachment(v, attachment.id, ctx.pod.now());
  return ACCEPTED;
}

function initializeConnection(ctx: VolumeActionContext): VolumeActionResult {
  const connector = ctx.args.connector;
  if (connector === undefined) throw badRequest('Must specify connector');
  return {
    status: 200,
    body: {
      connection_info: {
        driver_volume_type: 'iscsi',
        data: {
          target_discovered: false,
          target_iqn: `iqn.2010-10.org.openstack:volume-${ctx.volume.id}`,
          target_portal: '127.0.0.1:3260',
          target_lun: 1,
          volume_id: ctx.volume.id,
          access_mode: ctx.volume.adminMetadata.readonly === 'True' ? 'ro' : 'rw',
          encrypted: false,
        },
      },
    },
  };
}

function terminateConnection(ctx: VolumeActionContext): VolumeActionResult {
  if (ctx.args.connector === undefined) throw badRequest('Must specify connector');
  return ACCEPTED;
}

function forceDetach(ctx: VolumeActionContext): VolumeActionResult {
  requireVolumeAdmin(ctx, 'volume_extension:volume_admin_actions:force_detach');
  const requested = optionalString(ctx.args, 'attachment_id');
  for (const a of [...ctx.volume.attachments])
    if (!requested || a.id === requested) releaseAttachment(ctx.volume, a.id, ctx.pod.now());
  return ACCEPTED;
}

export const ATTACH_ACTIONS: Record<string, VolumeActionHandler> = {
  'os-reserve': reserve,
  'os-unreserve': unreserve,
  'os-begin_detaching': beginDetaching,
  'os-roll_detaching': rollDetaching,
  'os-attach': attach,
  'os-detach': detach,
  'os-initialize_connection': initializeConnection,
  'os-terminate_connection': terminateConnection,
  'os-force_detach': forceDetach,
};
