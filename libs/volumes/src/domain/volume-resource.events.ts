import type { ResourceRoutedData, ResourceUnroutedData } from '@podgate/routing';
import type { VolumeResourceKind } from './volume-resource';
import { VOLUME_RESOURCE_KINDS } from './volume-resource.kinds';
import type { VolumeRequestSummary } from './volume-request-summary';

/**
 * What happens to a volume, snapshot or backup behind podgate. One lifecycle, the same for the
 * three kinds; each kind has its own permanent event names, `<Kind><Suffix>` (`VolumeCreated`,
 * `SnapshotActionRequested`, `BackupDeleted`), and its own streams:
 * - `<kind>Provisioning-<provisioningId>` (volumeProvisioning-...): `<Kind>ProvisioningRequested`
 *   before the pod hears of the create, `<Kind>ProvisioningFailed` when it refused or could not be
 *   reached. The provisioning id is derived from podgate's request id.
 * - `<kind>-<id>` (volume-<id>, snapshot-<id>, backup-<id>): `<Kind>Created` with routing's
 *   ResourceRouted in one append, then actions, deletes, `<Kind>Deleted` with ResourceUnrouted.
 * The public id is the pod's id (top id = bottom id), as for servers: it is only known once the pod
 * has answered, which is why the intent has a stream of its own.
 * Every event names the resource's tenant (`projectId`), so the audit files it where its auditors look.
 */
export const LIFECYCLE_SUFFIXES = [
  'ProvisioningRequested',
  'Created',
  'ProvisioningFailed',
  'ActionRequested',
  'ActionSucceeded',
  'ActionFailed',
  'DeleteRequested',
  'DeleteFailed',
  'Deleted',
] as const;
export type LifecycleSuffix = (typeof LIFECYCLE_SUFFIXES)[number];

/** The events of the intent stream; every other event belongs to the resource's own stream. */
export const PROVISIONING_SUFFIXES: readonly LifecycleSuffix[] = ['ProvisioningRequested', 'ProvisioningFailed'];

export interface VolumeProvisioningRequestedData {
  readonly provisioningId: string;
  /** The tenant the resource is made for: the caller's project. */
  readonly projectId: string;
  /** The user-visible AZ (the pod's own is the pod's profile). */
  readonly azName: string;
  readonly podId: string;
  /** The tenant binding that chose the pod; null when the pod is the parent resource's. */
  readonly bindingId: string | null;
  /** The resource whose pod was taken (a snapshot's volume, a restore's backup); null when placed by binding. */
  readonly parent: { readonly kind: VolumeResourceKind; readonly id: string } | null;
  /** SECURITY: a summary, never the body (see volume-request-summary.ts). */
  readonly request: VolumeRequestSummary;
}

export interface VolumeCreatedData {
  /** The pod's id, which is also the public id. */
  readonly resourceId: string;
  readonly provisioningId: string;
  readonly podId: string;
  readonly projectId: string;
  readonly azName: string;
  readonly name: string | null;
}

/** `status` is the pod's HTTP status, 503/504 when the pod could not be reached or did not answer in time, or podgate's own refusal's (e.g. 400 for a path it will not forward). */
export interface VolumeProvisioningFailedData {
  readonly provisioningId: string;
  readonly podId: string;
  readonly status: number;
  /** The pod's fault message, capped and scrubbed of the request's secrets (Cinder echoes invalid values). */
  readonly message: string;
}

/** `actionId` is derived from the request id: a retry is the same action, and its first outcome stands. */
export interface VolumeActionRequestedData {
  readonly resourceId: string;
  readonly podId: string;
  readonly projectId: string;
  readonly actionId: string;
  /** What was asked (`os-extend`, `update`, `metadata.update`, ...); its body is never recorded. */
  readonly action: string;
}

export interface VolumeActionSucceededData {
  readonly resourceId: string;
  readonly projectId: string;
  readonly actionId: string;
  readonly status: number;
}

export interface VolumeActionFailedData extends VolumeActionSucceededData {
  readonly message: string;
}

export interface VolumeDeleteRequestedData {
  readonly resourceId: string;
  readonly podId: string;
  readonly projectId: string;
  readonly deleteId: string;
}

/** The pod refused the delete (400 in-use, 403, a 5xx, a 404 not Cinder's own) or could not be reached (503/504). */
export interface VolumeDeleteFailedData extends VolumeDeleteRequestedData {
  readonly status: number;
  readonly message: string;
}

export interface VolumeDeletedData {
  readonly resourceId: string;
  readonly podId: string;
  readonly projectId: string;
  /** The delete the pod accepted and then confirmed (its GET answered Cinder's 404); null when found gone without one. */
  readonly deleteId: string | null;
}

/** The data of each suffix, and of the routing events appended with them. */
export interface VolumeEventData {
  readonly ProvisioningRequested: VolumeProvisioningRequestedData;
  readonly Created: VolumeCreatedData;
  readonly ProvisioningFailed: VolumeProvisioningFailedData;
  readonly ActionRequested: VolumeActionRequestedData;
  readonly ActionSucceeded: VolumeActionSucceededData;
  readonly ActionFailed: VolumeActionFailedData;
  readonly DeleteRequested: VolumeDeleteRequestedData;
  readonly DeleteFailed: VolumeDeleteFailedData;
  readonly Deleted: VolumeDeletedData;
  readonly Routed: ResourceRoutedData;
  readonly Unrouted: ResourceUnroutedData;
}

/**
 * An event of one kind's streams as the slice handles it: tagged by suffix (so one decider serves
 * the three kinds), named `<Kind><Suffix>` when stored (Routed/Unrouted: routing's ResourceRouted/ResourceUnrouted).
 */
export type VolumeStreamEvent = {
  [S in keyof VolumeEventData]: { readonly kind: VolumeResourceKind; readonly suffix: S; readonly data: VolumeEventData[S] };
}[keyof VolumeEventData];

/** A lifecycle event's permanent name: `volumeEventType('snapshot', 'Created')` = `SnapshotCreated`. */
export const volumeEventType = (kind: VolumeResourceKind, suffix: LifecycleSuffix): string =>
  `${VOLUME_RESOURCE_KINDS[kind].name}${suffix}`;

/** Every permanent name the slice writes, kind by kind in table order. */
export const VOLUME_RESOURCE_EVENT_TYPES: readonly string[] = (['volume', 'snapshot', 'backup'] as const).flatMap((kind) =>
  LIFECYCLE_SUFFIXES.map((suffix) => volumeEventType(kind, suffix)),
);

/** The stored name of a tagged event. */
export function storedTypeOf(event: VolumeStreamEvent): string {
  if (event.suffix === 'Routed') return 'ResourceRouted';
  if (event.suffix === 'Unrouted') return 'ResourceUnrouted';
  return volumeEventType(event.kind, event.suffix);
}

/** Back from the store: a type of another kind (or unknown) is a bug, not data to guess at. */
export function fromStored(
  kind: VolumeResourceKind,
  recorded: { readonly type: string; readonly data: unknown },
): VolumeStreamEvent {
  const name = VOLUME_RESOURCE_KINDS[kind].name;
  let suffix: keyof VolumeEventData | undefined;
  if (recorded.type === 'ResourceRouted') suffix = 'Routed';
  else if (recorded.type === 'ResourceUnrouted') suffix = 'Unrouted';
  else if (recorded.type.startsWith(name)) suffix = LIFECYCLE_SUFFIXES.find((s) => `${name}${s}` === recorded.type);
  if (!suffix) throw new Error(`${recorded.type} is not an event of a ${kind}'s streams`);
  return { kind, suffix, data: recorded.data } as VolumeStreamEvent;
}
