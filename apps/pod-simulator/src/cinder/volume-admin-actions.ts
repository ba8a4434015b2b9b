// Volume actions of the simulated Cinder that change the volume itself: os-extend, os-retype,
// os-reset_status, os-force_delete, os-set_bootable, os-update_readonly_flag, image metadata,
// os-volume_upload_image and revert (3.40+).
import { isoMicrosNaive } from '../clock';
import { optionalBool, optionalInt, optionalString, requiredString, stringMap } from '../http/body';
import { atLeast } from '../http/microversion';
import { badRequest, notFound } from '../http/openstack-error';
import { checkVolumeQuota } from './volume-factory';
import { deleteVolumeLater, restingStatus, volumeTransition } from './volume-lifecycle';
import {
  ACCEPTED,
  VolumeActionContext,
  VolumeActionHandler,
  VolumeActionResult,
  invalidVolume,
  requireVolumeAdmin,
} from './volume-action.types';
import { VolumeStatus } from './volume.model';

const RESET_STATUSES: readonly string[] = [
  'available',
  'in-use',
  'error',
  'error_deleting',
  'attaching',
  'detaching',
  'creating',
  'deleting',
  'maintenance',
  'reserved',
  'error_extending',
  'backing-up',
  'restoring-backup',
];

function extend(ctx: VolumeActionContext): VolumeActionResult {
  const v = ctx.volume;
  const newSize = optionalInt(ctx.args, 'new_size', 1);
  if (newSize === undefined) throw badRequest("Invalid input received: 'new_size' is a required property");
  const inUseOk = atLeast(ctx.version, '3.42');
  if (v.status !== 'available' && !(inUseOk && v.status === 'in-use')) {
    throw invalidVolume(
      `Volume status must be '${inUseOk ? "available' or 'in-use" : 'available'}' to extend, currently ${v.status}.`,
    );
  }
  if (newSize <= v.size)
    throw badRequest(
      `Invalid input received: New size for extend must be greater than current size. (current: ${v.size}, extended: ${newSize}).`,
    );
  checkVolumeQuota(ctx.pod, v.projectId, newSize - v.size, 0);
  volumeTransition(ctx.pod, v, 'extending', restingStatus, (done) => (done.size = newSize));
  return ACCEPTED;
}

function retype(ctx: VolumeActionContext): VolumeActionResult {
  const v = ctx.volume;
  const ref = requiredString(ctx.args, 'new_type');
  const type = ctx.pod.cinder.visibleType(ref, ctx.caller.projectId, ctx.caller.isAdmin);
  if (type.id === v.volumeTypeId) throw badRequest('Invalid volume type: Retype needs volume type to be different.');
  if (v.status !== 'available' && v.status !== 'in-use')
    throw invalidVolume(`Volume status must be available or in-use, but current status is: ${v.status}.`);
  volumeTransition(ctx.pod, v, 'retyping', restingStatus, (done) => (done.volumeTypeId = type.id));
  return ACCEPTED;
}

function resetStatus(ctx: VolumeActionContext): VolumeActionResult {
  requireVolumeAdmin(ctx, 'volume_extension:volume_admin_actions:reset_status');
  const v = ctx.volume;
  const status = optionalString(ctx.args, 'status');
  if (status !== undefined && !RESET_STATUSES.includes(status))
    throw badRequest(`Invalid input received: Must specify a valid status`);
  if (status) v.status = status as VolumeStatus;
  const attach = optionalString(ctx.args, 'attach_status');
  if (attach === 'attached' || attach === 'detached') v.attachStatus = attach;
  if (ctx.args.migration_status !== undefined) v.migrationStatus = optionalString(ctx.args, 'migration_status') ?? null;
  ctx.pod.transitions.cancel(`volume:${v.id}`);
  v.updatedAt = ctx.pod.now();
  return ACCEPTED;
}

function forceDelete(ctx: VolumeActionContext): VolumeActionResult {
  requireVolumeAdmin(ctx, 'volume_extension:volume_admin_actions:force_delete');
  ctx.volume.attachments = [];
  deleteVolumeLater(ctx.pod, ctx.volume);
  return ACCEPTED;
}

function setBootable(ctx: VolumeActionContext): VolumeActionResult {
  const bootable = optionalBool(ctx.args, 'bootable');
  if (bootable === undefined) throw badRequest("Invalid input received: 'bootable' is a required property");
  ctx.volume.bootable = bootable;
  return { status: 200 };
}

function updateReadonly(ctx: VolumeActionContext): VolumeActionResult {
  const readonly = optionalBool(ctx.args, 'readonly');
  if (readonly === undefined) throw badRequest("Invalid input received: 'readonly' is a required property");
  if (ctx.volume.status !== 'available')
    throw invalidVolume(`Volume status must be available to update readonly flag, but current status is: ${ctx.volume.status}.`);
  ctx.volume.adminMetadata.readonly = readonly ? 'True' : 'False';
  return ACCEPTED;
}

function setImageMetadata(ctx: VolumeActionContext): VolumeActionResult {
  const metadata = stringMap(ctx.args.metadata, 'metadata');
  ctx.volume.imageMetadata = { ...(ctx.volume.imageMetadata ?? {}), ...metadata };
  return { status: 200, body: { metadata: { ...ctx.volume.imageMetadata } } };
}

function unsetImageMetadata(ctx: VolumeActionContext): VolumeActionResult {
  const key = requiredString(ctx.args, 'key');
  if (!ctx.volume.imageMetadata || !(key in ctx.volume.imageMetadata))
    throw notFound(`Glance metadata for volume ${ctx.volume.id} with key ${key} cannot be found.`);
  delete ctx.volume.imageMetadata[key];
  return { status: 200 };
}

function uploadImage(ctx: VolumeActionContext): VolumeActionResult {
  const v = ctx.volume;
  const name = requiredString(ctx.args, 'image_name');
  const force = optionalBool(ctx.args, 'force') ?? false;
  if (v.status !== 'available' && !(force && v.status === 'in-use'))
    throw invalidVolume(`Volume ${v.id} status must be available or in-use, but current status is: ${v.status}.`);
  const image = ctx.pod.images.addSnapshot(name, v.projectId, ctx.pod.now(), { image_type: 'image' });
  volumeTransition(ctx.pod, v, 'uploading', restingStatus, (_done, at) => {
    image.status = 'active';
    image.size = v.size * 1073741824;
    image.updatedAt = at;
  });
  const type = ctx.pod.cinder.types.get(v.volumeTypeId);
  return {
    status: 202,
    body: {
      'os-volume_upload_image': {
        id: v.id,
        updated_at: isoMicrosNaive(v.updatedAt),
        status: 'uploading',
        display_description: v.description,
        size: v.size,
        volume_type: type ? { id: type.id, name: type.name } : null,
        image_id: image.id,
        container_format: optionalString(ctx.args, 'container_format') ?? 'bare',
        disk_format: optionalString(ctx.args, 'disk_format') ?? 'raw',
        image_name: name,
      },
    },
  };
}

function revert(ctx: VolumeActionContext): VolumeActionResult {
  if (!atLeast(ctx.version, '3.40')) throw badRequest('There is no such action: revert');
  const v = ctx.volume;
  const snapshotId = requiredString(ctx.args, 'snapshot_id');
  const snapshot = ctx.pod.cinder.snapshot(snapshotId, ctx.caller.projectId, ctx.caller.isAdmin);
  const latest = [...ctx.pod.cinder.snapshots.values()]
    .filter((s) => s.volumeId === v.id)
    .sort((a, b) => b.createdAt - a.createdAt)[0];
  if (snapshot.volumeId !== v.id || latest?.id !== snapshot.id) {
    throw badRequest(
      `Invalid snapshot: Cannot revert volume ${v.id} to snapshot ${snapshot.id}: it is not the latest snapshot of the volume.`,
    );
  }
  if (v.status !== 'available' || snapshot.status !== 'available')
    throw invalidVolume('Volume and snapshot must be available to revert.');
  snapshot.status = 'restoring';
  volumeTransition(ctx.pod, v, 'reverting', 'available', () => (snapshot.status = 'available'));
  return ACCEPTED;
}

export const VOLUME_ADMIN_ACTIONS: Record<string, VolumeActionHandler> = {
  'os-extend': extend,
  'os-retype': retype,
  'os-reset_status': resetStatus,
  'os-force_delete': forceDelete,
  'os-set_bootable': setBootable,
  'os-update_readonly_flag': updateReadonly,
  'os-set_image_metadata': setImageMetadata,
  'os-unset_image_metadata': unsetImageMetadata,
  'os-show_image_metadata': (ctx) => ({ status: 200, body: { metadata: { ...(ctx.volume.imageMetadata ?? {}) } } }),
  'os-volume_upload_image': uploadImage,
  revert,
};
