/**
 * What can happen to a pod, as permanent event names. Data is plain JSON; the stream is
 * `pod-<podId>`, where podId is derived from the pod's name (its Keystone region), so a name can be
 * registered once at a time without a separate uniqueness index.
 */
export interface PodEndpoints {
  readonly compute?: string;
  readonly volume?: string;
  readonly image?: string;
}

export interface PodProfile {
  /** The availability zone users see. */
  readonly azName: string;
  /** The availability zone inside the pod itself. */
  readonly podAzName: string;
  readonly dcName: string;
  /** Matched against a flavor's or volume type's extra spec by the affinity filter. */
  readonly affinityTag: string | null;
  /** Share of capacity (0..1) above which the pod takes no new bindings. */
  readonly capacityThreshold: number;
  /** Overrides of the Keystone catalog, for pods without a shared Keystone. */
  readonly endpoints: PodEndpoints;
}

export type PodEvent =
  | { readonly type: 'PodRegistered'; readonly data: { readonly podId: string; readonly name: string } & PodProfile }
  | { readonly type: 'PodUpdated'; readonly data: { readonly podId: string; readonly changes: Partial<PodProfile> } }
  | { readonly type: 'PodMaintenanceStarted'; readonly data: { readonly podId: string; readonly reason: string } }
  | { readonly type: 'PodMaintenanceEnded'; readonly data: { readonly podId: string } }
  | {
      readonly type: 'PodDeregistered';
      readonly data: { readonly podId: string; readonly forced: boolean; readonly reason: string };
    };

export type PodEventType = PodEvent['type'];

export const POD_EVENT_TYPES: readonly PodEventType[] = [
  'PodRegistered',
  'PodUpdated',
  'PodMaintenanceStarted',
  'PodMaintenanceEnded',
  'PodDeregistered',
];
