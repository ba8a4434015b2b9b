// Attaching Cinder volumes to Nova servers inside one simulated pod: both sides change together,
// as Nova's compute manager and Cinder's attachment API would make them.
import { CinderAttachment, VolumeRecord } from '../cinder/volume.model';
import { badRequest } from '../http/openstack-error';
import { newUuid } from '../ids';
import { PodState } from '../pod/pod-state';
import { ServerRecord, ServerVolumeAttachment } from './server.model';

export interface AttachOptions {
  device?: string;
  tag?: string | null;
  deleteOnTermination?: boolean;
}

export const volumeKey = (volumeId: string): string => `volume:${volumeId}`;

function nextDevice(server: ServerRecord, root: boolean): string {
  if (root) return '/dev/vda';
  const used = new Set(server.volumeAttachments.map((a) => a.device));
  for (let c = 'b'.charCodeAt(0); c <= 'z'.charCodeAt(0); c++) {
    const device = `/dev/vd${String.fromCharCode(c)}`;
    if (!used.has(device)) return device;
  }
  throw badRequest("No free disk device names for prefix 'vd'");
}

export function checkAttachable(volume: VolumeRecord, server: ServerRecord): void {
  if (server.volumeAttachments.some((a) => a.volumeId === volume.id)) {
    throw badRequest(`Invalid volume: volume ${volume.id} is already attached to instance ${server.id}`);
  }
  const ok = volume.status === 'available' || (volume.multiattach && volume.status === 'in-use');
  if (!ok) throw badRequest(`Invalid volume: volume '${volume.id}' status must be 'available'. Currently in '${volume.status}'`);
}

/** The volume is "attaching" at once and "in-use" after the pod's volume delay. */
export function attachVolume(
  pod: PodState,
  server: ServerRecord,
  volume: VolumeRecord,
  options: AttachOptions & { root?: boolean } = {},
): ServerVolumeAttachment {
  checkAttachable(volume, server);
  const now = pod.now();
  const device = options.device ?? nextDevice(server, options.root ?? false);
  const cinderAttachment: CinderAttachment = {
    id: newUuid(),
    volumeId: volume.id,
    instanceUuid: server.id,
    hostName: server.host,
    mountpoint: device,
    attachMode: volume.adminMetadata.readonly === 'True' ? 'ro' : 'rw',
    status: 'attaching',
    connector: { host: server.host, initiator: 'iqn.1993-08.org.debian:01:simulated' },
    attachedAt: null,
    detachedAt: null,
  };
  volume.attachments.push(cinderAttachment);
  volume.status = 'attaching';
  volume.attachStatus = 'attaching';
  volume.updatedAt = now;
  const attachment: ServerVolumeAttachment = {
    volumeId: volume.id,
    device,
    attachmentId: cinderAttachment.id,
    bdmUuid: newUuid(),
    tag: options.tag ?? null,
    deleteOnTermination: options.deleteOnTermination ?? false,
  };
  server.volumeAttachments.push(attachment);
  pod.later(volumeKey(volume.id), pod.config.delays.volumeMs, (at) => {
    cinderAttachment.status = 'attached';
    cinderAttachment.attachedAt = at;
    volume.status = 'in-use';
    volume.attachStatus = 'attached';
    volume.updatedAt = at;
  });
  return attachment;
}

/** Removes one attachment now and settles the volume's status from what is left. */
export function releaseAttachment(volume: VolumeRecord, attachmentId: string, at: number): void {
  volume.attachments = volume.attachments.filter((a) => a.id !== attachmentId);
  const attached = volume.attachments.length > 0;
  volume.status = attached ? 'in-use' : 'available';
  volume.attachStatus = attached ? 'attached' : 'detached';
  volume.updatedAt = at;
}

/** The volume is "detaching" at once and "available" after the pod's volume delay. */
export function detachVolume(pod: PodState, server: ServerRecord, attachment: ServerVolumeAttachment): void {
  server.volumeAttachments = server.volumeAttachments.filter((a) => a !== attachment);
  const volume = pod.cinder.volumes.get(attachment.volumeId);
  if (!volume) return;
  volume.status = 'detaching';
  volume.attachStatus = 'detaching';
  volume.updatedAt = pod.now();
  pod.later(volumeKey(volume.id), pod.config.delays.volumeMs, (at) => releaseAttachment(volume, attachment.attachmentId, at));
}

/** On server delete: volumes are detached at once, or deleted when delete_on_termination is set. */
export function detachAllVolumesOnDelete(pod: PodState, server: ServerRecord): void {
  const now = pod.now();
  for (const attachment of server.volumeAttachments) {
    const volume = pod.cinder.volumes.get(attachment.volumeId);
    if (!volume) continue;
    pod.transitions.cancel(volumeKey(volume.id));
    if (attachment.deleteOnTermination) pod.cinder.volumes.delete(volume.id);
    else releaseAttachment(volume, attachment.attachmentId, now);
  }
  server.volumeAttachments = [];
}
