// Volumes, snapshots, backups and volume types of one simulated pod (a Cinder stand-in).
import { stableUuid } from '../ids';
import { notFound } from '../http/openstack-error';
import { BackupRecord, SnapshotRecord, VolumeRecord, VolumeType } from './volume.model';

export const DEFAULT_VOLUME_TYPE = '__DEFAULT__';

export class CinderStore {
  readonly volumes = new Map<string, VolumeRecord>();
  readonly snapshots = new Map<string, SnapshotRecord>();
  readonly backups = new Map<string, BackupRecord>();
  readonly types = new Map<string, VolumeType>();

  constructor(podName: string) {
    // Same type ids in every pod, so a gateway can map types across pods by id or by name.
    const type = (name: string, description: string): VolumeType => ({
      id: stableUuid(`volume-type:${name}`),
      name,
      description,
      isPublic: true,
      extraSpecs: name === 'fake' ? { volume_backend_name: `${podName}-fake` } : {},
      access: new Set(),
    });
    for (const t of [type(DEFAULT_VOLUME_TYPE, 'Default Volume Type'), type('fake', 'Fake backend of the pod simulator')])
      this.types.set(t.id, t);
  }

  defaultType(): VolumeType {
    return this.typeByNameOrId(DEFAULT_VOLUME_TYPE) as VolumeType;
  }

  typeByNameOrId(ref: string): VolumeType | undefined {
    return this.types.get(ref) ?? [...this.types.values()].find((t) => t.name === ref);
  }

  /** Cinder hides other projects' resources behind a plain 404. */
  volume(id: string, projectId: string, isAdmin: boolean): VolumeRecord {
    const volume = this.volumes.get(id);
    if (!volume || !(isAdmin || volume.projectId === projectId)) throw notFound(`Volume ${id} could not be found.`);
    return volume;
  }

  snapshot(id: string, projectId: string, isAdmin: boolean): SnapshotRecord {
    const snapshot = this.snapshots.get(id);
    if (!snapshot || !(isAdmin || snapshot.projectId === projectId)) throw notFound(`Snapshot ${id} could not be found.`);
    return snapshot;
  }

  backup(id: string, projectId: string, isAdmin: boolean): BackupRecord {
    const backup = this.backups.get(id);
    if (!backup || !(isAdmin || backup.projectId === projectId)) throw notFound(`Backup ${id} could not be found.`);
    return backup;
  }

  visibleType(ref: string, projectId: string, isAdmin: boolean): VolumeType {
    const type = this.typeByNameOrId(ref);
    if (!type || !(isAdmin || type.isPublic || type.access.has(projectId)))
      throw notFound(`Volume type ${ref} could not be found.`);
    return type;
  }
}
