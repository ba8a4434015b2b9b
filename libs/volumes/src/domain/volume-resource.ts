// CONTRACT (session 4): the shapes the volume API and the volumes slice share.
import type { ForwardRequest, ForwardedResponse } from '@podgate/openstack';
import type { PodView } from '@podgate/pods';

/**
 * The block-storage resources podgate routes: each lives in one pod (rm_routings' resource type),
 * has its own stream (`volume-<id>`, `snapshot-<id>`, `backup-<id>`) and its own event types
 * (`VolumeCreated`, `SnapshotActionRequested`, `BackupDeleted`, ...), recorded by one mechanism.
 */
export type VolumeResourceKind = 'volume' | 'snapshot' | 'backup';

/** A user call minus the pod: the handler finds the pod and fills in `pod`, `projectId` and `service`. */
export type VolumeForward = Omit<ForwardRequest, 'pod' | 'projectId' | 'service'>;

/** Where a routed resource lives. */
export interface VolumeResourceLocation {
  readonly kind: VolumeResourceKind;
  readonly id: string;
  readonly projectId: string;
  /** The user-visible AZ (podgate's), not the pod's own. */
  readonly azName: string;
  readonly pod: PodView;
}

/**
 * Where a create goes: by dynamic pod binding (volumes: the tenant's pod in the AZ, affinity from
 * the volume type), or into the pod of a resource that already exists (a snapshot or backup of a
 * volume, a volume from a snapshot, a restore from a backup).
 */
export type CreatePlacement =
  | { readonly by: 'binding'; readonly azName: string; readonly affinityTag: string | null }
  | { readonly by: 'resource'; readonly kind: VolumeResourceKind; readonly id: string };

/** What a create did: the pod's answer, where it went, and the id recorded when the pod made one. */
export interface CreatedInPod {
  readonly response: ForwardedResponse;
  readonly pod: PodView;
  /** The user-visible AZ the resource was recorded in. */
  readonly azName: string;
  /** The new resource's id (= the pod's id, as for servers) when the pod answered 2xx with one. */
  readonly createdId?: string;
}
