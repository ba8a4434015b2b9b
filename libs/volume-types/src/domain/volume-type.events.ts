/**
 * What happens to a volume type defined at the gateway, as permanent event names with plain JSON
 * data. One stream per type, `volumeType-<typeId>` (volume-type.stream.ts), holding both the admin's
 * changes and the reconciler's record of what each pod holds, and under which id: Cinder cannot
 * create a type with a given id, so each pod's own id is recorded when it is synced.
 *
 * A type's *generation* counts the events that change what a pod must hold; sync records do not
 * count (the same rule as flavors: @podgate/pod-sync plans by generation).
 */
export interface VolumeTypeDefinition {
  /** 1..255 characters, unique among live types (Cinder's `name`). */
  readonly name: string;
  /** 0..255 characters, or null. */
  readonly description: string | null;
  /** `os-volume-type-access:is_public`; a private type starts with no project in its access list. */
  readonly isPublic: boolean;
}

export type VolumeTypeDefinedData = {
  readonly typeId: string;
  readonly extraSpecs: Readonly<Record<string, string>>;
} & VolumeTypeDefinition;

/** Only the fields that changed (Cinder's PUT /types/{id}: name, description, is_public). */
export type VolumeTypeUpdatedData = { readonly typeId: string } & Partial<VolumeTypeDefinition>;

export interface VolumeTypeDeletedData {
  readonly typeId: string;
}

/** Only the keys whose value changed. */
export interface VolumeTypeExtraSpecsSetData {
  readonly typeId: string;
  readonly specs: Readonly<Record<string, string>>;
}

export interface VolumeTypeExtraSpecUnsetData {
  readonly typeId: string;
  readonly key: string;
}

export interface VolumeTypeAccessData {
  readonly typeId: string;
  readonly projectId: string;
}

/**
 * The pod holds the type exactly as it was at `generation`, under the pod's own id `podTypeId`; when
 * `generation` is the deletion's, the pod no longer holds it (`podTypeId` null).
 */
export interface VolumeTypeSyncedToPodData {
  readonly typeId: string;
  readonly podId: string;
  readonly podTypeId: string | null;
  readonly generation: number;
}

/** `status`: the pod's HTTP status; absent when the pod could not be reached or did not answer in time. */
export interface VolumeTypeSyncFailedData {
  readonly typeId: string;
  readonly podId: string;
  readonly generation: number;
  readonly status?: number;
  readonly message: string;
}

export type VolumeTypeEvent =
  | { readonly type: 'VolumeTypeDefined'; readonly data: VolumeTypeDefinedData }
  | { readonly type: 'VolumeTypeUpdated'; readonly data: VolumeTypeUpdatedData }
  | { readonly type: 'VolumeTypeDeleted'; readonly data: VolumeTypeDeletedData }
  | { readonly type: 'VolumeTypeExtraSpecsSet'; readonly data: VolumeTypeExtraSpecsSetData }
  | { readonly type: 'VolumeTypeExtraSpecUnset'; readonly data: VolumeTypeExtraSpecUnsetData }
  | { readonly type: 'VolumeTypeAccessAdded'; readonly data: VolumeTypeAccessData }
  | { readonly type: 'VolumeTypeAccessRemoved'; readonly data: VolumeTypeAccessData }
  | { readonly type: 'VolumeTypeSyncedToPod'; readonly data: VolumeTypeSyncedToPodData }
  | { readonly type: 'VolumeTypeSyncFailed'; readonly data: VolumeTypeSyncFailedData };

export type VolumeTypeEventType = VolumeTypeEvent['type'];

export const VOLUME_TYPE_EVENT_TYPES: readonly VolumeTypeEventType[] = [
  'VolumeTypeDefined',
  'VolumeTypeUpdated',
  'VolumeTypeDeleted',
  'VolumeTypeExtraSpecsSet',
  'VolumeTypeExtraSpecUnset',
  'VolumeTypeAccessAdded',
  'VolumeTypeAccessRemoved',
  'VolumeTypeSyncedToPod',
  'VolumeTypeSyncFailed',
];

/** The events that start a new generation. The projection counts with this too, so both agree. */
export const bumpsVolumeTypeGeneration = (event: VolumeTypeEvent): boolean =>
  event.type !== 'VolumeTypeSyncedToPod' && event.type !== 'VolumeTypeSyncFailed';
