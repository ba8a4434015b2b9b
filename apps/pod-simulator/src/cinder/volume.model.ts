// The simulated Cinder's records, in Cinder's vocabulary (status, attach_status, attachments).

export type VolumeStatus =
  | 'creating'
  | 'available'
  | 'reserved'
  | 'attaching'
  | 'detaching'
  | 'in-use'
  | 'maintenance'
  | 'deleting'
  | 'error'
  | 'error_deleting'
  | 'error_extending'
  | 'backing-up'
  | 'restoring-backup'
  | 'uploading'
  | 'retyping'
  | 'extending'
  | 'reverting'
  | 'downloading';

export type AttachStatus =
  'attached' | 'attaching' | 'detached' | 'reserved' | 'detaching' | 'error_attaching' | 'error_detaching';

export interface CinderAttachment {
  id: string;
  volumeId: string;
  instanceUuid: string | null;
  hostName: string | null;
  mountpoint: string | null;
  attachMode: 'rw' | 'ro';
  status: AttachStatus;
  connector: Record<string, unknown> | null;
  attachedAt: number | null;
  detachedAt: number | null;
}

export interface VolumeRecord {
  id: string;
  name: string | null;
  description: string | null;
  projectId: string;
  userId: string;
  size: number;
  status: VolumeStatus;
  attachStatus: AttachStatus;
  migrationStatus: string | null;
  az: string;
  volumeTypeId: string;
  bootable: boolean;
  multiattach: boolean;
  snapshotId: string | null;
  sourceVolid: string | null;
  metadata: Record<string, string>;
  /** Admin metadata such as `readonly`. */
  adminMetadata: Record<string, string>;
  imageMetadata: Record<string, string> | null;
  attachments: CinderAttachment[];
  host: string;
  createdAt: number;
  updatedAt: number;
  launchedAt: number | null;
}

export interface VolumeType {
  id: string;
  name: string;
  description: string | null;
  isPublic: boolean;
  extraSpecs: Record<string, string>;
  access: Set<string>;
}

export type SnapshotStatus = 'creating' | 'available' | 'deleting' | 'error' | 'error_deleting' | 'backing-up' | 'restoring';

export interface SnapshotRecord {
  id: string;
  volumeId: string;
  name: string | null;
  description: string | null;
  status: SnapshotStatus;
  size: number;
  projectId: string;
  userId: string;
  metadata: Record<string, string>;
  createdAt: number;
  updatedAt: number;
}

export type BackupStatus = 'creating' | 'available' | 'deleting' | 'error' | 'restoring' | 'error_deleting';

export interface BackupRecord {
  id: string;
  volumeId: string;
  snapshotId: string | null;
  name: string | null;
  description: string | null;
  status: BackupStatus;
  size: number;
  projectId: string;
  userId: string;
  az: string;
  container: string | null;
  objectCount: number;
  isIncremental: boolean;
  metadata: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  dataTimestamp: number;
}
