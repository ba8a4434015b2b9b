import type { VolumeResourceKind } from './volume-resource';

/** What differs between the block-storage kinds: the name their events, errors and API use. */
export interface VolumeResourceKindSpec {
  readonly kind: VolumeResourceKind;
  /** Event type prefix and Cinder's noun in its messages: `Volume` (VolumeCreated, "Volume <id> could not be found."). */
  readonly name: 'Volume' | 'Snapshot' | 'Backup';
  /** Cinder's collection: `/volumes/<id>`. */
  readonly collection: 'volumes' | 'snapshots' | 'backups';
  /**
   * Where an admin's view of the resource names its project, when Cinder can find the kind by
   * metadata (its `resource_filters`): creates of these kinds carry the provisioning tag, so one
   * whose answer was lost can be adopted, listed at `filterVersion` (Cinder drops a snapshot list's
   * metadata filter below 3.22). Backups cannot be filtered by metadata: null.
   */
  readonly taggedWith: { readonly projectAttribute: string; readonly filterVersion: string } | null;
}

/** The one table every per-kind name is generated from. */
export const VOLUME_RESOURCE_KINDS: Readonly<Record<VolumeResourceKind, VolumeResourceKindSpec>> = {
  volume: {
    kind: 'volume',
    name: 'Volume',
    collection: 'volumes',
    taggedWith: { projectAttribute: 'os-vol-tenant-attr:tenant_id', filterVersion: '3.0' },
  },
  snapshot: {
    kind: 'snapshot',
    name: 'Snapshot',
    collection: 'snapshots',
    taggedWith: { projectAttribute: 'os-extended-snapshot-attributes:project_id', filterVersion: '3.22' },
  },
  backup: { kind: 'backup', name: 'Backup', collection: 'backups', taggedWith: null },
};

export const VOLUME_RESOURCE_KIND_LIST: readonly VolumeResourceKind[] = ['volume', 'snapshot', 'backup'];

/** Cinder's path of one resource, below the service root. */
export const resourcePath = (kind: VolumeResourceKind, id: string): string =>
  `/${VOLUME_RESOURCE_KINDS[kind].collection}/${encodeURIComponent(id)}`;
