// Creating volume records (from the API, from an image for boot-from-volume, from a backup).
import { Caller } from '../http/request-context';
import { OpenStackError } from '../http/openstack-error';
import { newUuid } from '../ids';
import { PodState } from '../pod/pod-state';
import { VolumeRecord, VolumeStatus, VolumeType } from './volume.model';

export interface NewVolume {
  size: number;
  name?: string | null;
  description?: string | null;
  type?: VolumeType;
  az?: string;
  metadata?: Record<string, string>;
  snapshotId?: string | null;
  sourceVolid?: string | null;
  imageId?: string | null;
  multiattach?: boolean;
  status?: VolumeStatus;
}

/** Cinder's volumes/gigabytes quotas: QuotaError is a 413 (overLimit) in Cinder, not a 403. */
export function checkVolumeQuota(pod: PodState, projectId: string, sizeGb: number, newVolumes = 1): void {
  const volumes = [...pod.cinder.volumes.values()].filter((v) => v.projectId === projectId);
  const quotas = pod.config.volumeQuotas;
  if (newVolumes > 0 && volumes.length + newVolumes > quotas.volumes) {
    throw new OpenStackError(413, `Maximum number of volumes allowed (${quotas.volumes}) exceeded for quota 'volumes'.`);
  }
  const used = volumes.reduce((n, v) => n + v.size, 0);
  if (used + sizeGb > quotas.gigabytes) {
    throw new OpenStackError(
      413,
      `Requested volume or snapshot exceeds allowed gigabytes quota. Requested ${sizeGb}G, quota is ${quotas.gigabytes}G and ${used}G has been consumed.`,
    );
  }
}

export function newVolumeRecord(pod: PodState, caller: Caller, spec: NewVolume): VolumeRecord {
  const now = pod.now();
  const image = spec.imageId ? pod.images.images.get(spec.imageId) : undefined;
  const volume: VolumeRecord = {
    id: newUuid(),
    name: spec.name ?? null,
    description: spec.description ?? null,
    projectId: caller.projectId,
    userId: caller.userId,
    size: spec.size,
    status: spec.status ?? 'creating',
    attachStatus: 'detached',
    migrationStatus: null,
    az: spec.az ?? pod.config.az,
    volumeTypeId: (spec.type ?? pod.cinder.defaultType()).id,
    bootable: !!image,
    multiattach: spec.multiattach ?? false,
    snapshotId: spec.snapshotId ?? null,
    sourceVolid: spec.sourceVolid ?? null,
    metadata: { ...(spec.metadata ?? {}) },
    adminMetadata: {},
    imageMetadata: image
      ? {
          image_id: image.id,
          image_name: image.name,
          container_format: image.containerFormat,
          disk_format: image.diskFormat,
          min_disk: '0',
          min_ram: '0',
          size: String(image.size ?? 0),
          checksum: 'd41d8cd98f00b204e9800998ecf8427e',
        }
      : null,
    attachments: [],
    host: `${pod.config.name}-volume@fake#fake`,
    createdAt: now,
    updatedAt: now,
    launchedAt: null,
  };
  pod.cinder.volumes.set(volume.id, volume);
  return volume;
}
