// Delayed volume transitions of the simulated Cinder (creating -> available, deleting -> gone,
// extending -> available, ...). One pending change per volume, like Cinder's status field.
import { PodState } from '../pod/pod-state';
import { volumeKey } from '../nova/volume-attach';
import { VolumeRecord, VolumeStatus } from './volume.model';

/** Sets `during` now and `after` once the pod's volume delay has passed. */
export function volumeTransition(
  pod: PodState,
  volume: VolumeRecord,
  during: VolumeStatus,
  after: VolumeStatus | ((v: VolumeRecord) => VolumeStatus),
  complete?: (v: VolumeRecord, at: number) => void,
): void {
  volume.status = during;
  volume.updatedAt = pod.now();
  pod.later(volumeKey(volume.id), pod.config.delays.volumeMs, (at) => {
    const current = pod.cinder.volumes.get(volume.id);
    if (!current) return;
    current.status = typeof after === 'function' ? after(current) : after;
    current.updatedAt = at;
    complete?.(current, at);
  });
}

/** available, or in-use when something is still attached. */
export const restingStatus = (v: VolumeRecord): VolumeStatus =>
  v.attachments.some((a) => a.status === 'attached') ? 'in-use' : 'available';

export function deleteVolumeLater(pod: PodState, volume: VolumeRecord): void {
  volume.status = 'deleting';
  volume.updatedAt = pod.now();
  pod.later(volumeKey(volume.id), pod.config.delays.volumeMs, () => {
    pod.cinder.volumes.delete(volume.id);
  });
}

export const DELETABLE: readonly VolumeStatus[] = ['available', 'error', 'error_extending'];

export const DELETE_REFUSED =
  'Invalid volume: Volume status must be available or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer.';
