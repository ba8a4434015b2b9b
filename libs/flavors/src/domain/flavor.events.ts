/**
 * What happens to a flavor defined at the gateway, as permanent event names with plain JSON data.
 * One stream per flavor, `flavor-<flavorId>` (flavor.stream.ts), holding both the admin's changes
 * and the reconciler's record of what each pod holds, so one fold answers "is pod P up to date?".
 *
 * A flavor's *generation* counts the events that change what a pod must hold (definition, extra
 * specs, access, deletion); sync records do not count. The reconciler pushes a generation and
 * records which one it pushed, so a change made while a push was under way is pushed again.
 */
export interface FlavorDefinition {
  /** 1..255 printable characters, no leading or trailing whitespace (Nova's `name` format). */
  readonly name: string;
  /** MiB, 1..2^31-1. */
  readonly ram: number;
  /** 1..2^31-1. */
  readonly vcpus: number;
  /** Root disk GiB, 0..2^31-1 (0: the image's size). */
  readonly disk: number;
  /** `OS-FLV-EXT-DATA:ephemeral` GiB, 0..2^31-1. */
  readonly ephemeral: number;
  /** MiB, 0..2^31-1; Nova shows 0 as "" below microversion 2.75. */
  readonly swap: number;
  /** > 0 and <= 3.40282e38 (Nova's SQL_SP_FLOAT_MAX). */
  readonly rxtxFactor: number;
  /** `os-flavor-access:is_public`; a private flavor starts with no project in its access list, as in Nova. */
  readonly isPublic: boolean;
  /** Microversion 2.55+; null when not given. Printable characters (no newline), at most 65535. */
  readonly description: string | null;
}

export type FlavorDefinedData = { readonly flavorId: string } & FlavorDefinition;

export interface FlavorDeletedData {
  readonly flavorId: string;
}

/** Microversion 2.55+ (PUT /flavors/{id}): the only part of a definition Nova lets change. */
export interface FlavorDescriptionUpdatedData {
  readonly flavorId: string;
  readonly description: string | null;
}

/** Only the keys whose value changed; values are strings, as Nova stores them (numbers arrive stringified). */
export interface FlavorExtraSpecsSetData {
  readonly flavorId: string;
  readonly specs: Readonly<Record<string, string>>;
}

export interface FlavorExtraSpecDeletedData {
  readonly flavorId: string;
  readonly key: string;
}

export interface FlavorAccessData {
  readonly flavorId: string;
  readonly projectId: string;
}

/**
 * The pod holds the flavor exactly as it was at `generation`: defined with its extra specs and
 * access, or, when `generation` is the deletion's, removed.
 */
export interface FlavorSyncedToPodData {
  readonly flavorId: string;
  readonly podId: string;
  readonly generation: number;
}

/** `status`: the pod's HTTP status; absent when the pod could not be reached or did not answer in time. */
export interface FlavorSyncFailedData {
  readonly flavorId: string;
  readonly podId: string;
  readonly generation: number;
  readonly status?: number;
  readonly message: string;
}

export type FlavorEvent =
  | { readonly type: 'FlavorDefined'; readonly data: FlavorDefinedData }
  | { readonly type: 'FlavorDeleted'; readonly data: FlavorDeletedData }
  | { readonly type: 'FlavorDescriptionUpdated'; readonly data: FlavorDescriptionUpdatedData }
  | { readonly type: 'FlavorExtraSpecsSet'; readonly data: FlavorExtraSpecsSetData }
  | { readonly type: 'FlavorExtraSpecDeleted'; readonly data: FlavorExtraSpecDeletedData }
  | { readonly type: 'FlavorAccessAdded'; readonly data: FlavorAccessData }
  | { readonly type: 'FlavorAccessRemoved'; readonly data: FlavorAccessData }
  | { readonly type: 'FlavorSyncedToPod'; readonly data: FlavorSyncedToPodData }
  | { readonly type: 'FlavorSyncFailed'; readonly data: FlavorSyncFailedData };

export type FlavorEventType = FlavorEvent['type'];

export const FLAVOR_EVENT_TYPES: readonly FlavorEventType[] = [
  'FlavorDefined',
  'FlavorDeleted',
  'FlavorDescriptionUpdated',
  'FlavorExtraSpecsSet',
  'FlavorExtraSpecDeleted',
  'FlavorAccessAdded',
  'FlavorAccessRemoved',
  'FlavorSyncedToPod',
  'FlavorSyncFailed',
];

/** The events that start a new generation. The projection counts with this too, so both agree. */
export const bumpsFlavorGeneration = (event: FlavorEvent): boolean =>
  event.type !== 'FlavorSyncedToPod' && event.type !== 'FlavorSyncFailed';
