/**
 * A tenant's binding to a pod, per (tenant, user-visible AZ, affinity group). One stream per such
 * key (`tenantBinding-<id derived from the key>`), so concurrent first requests of one tenant in one
 * AZ race on one stream and exactly one binding wins. Bindings are ended, never deleted: the
 * stream is the binding history, with times, actors (in metadata) and reasons.
 */
export type BindingReason = 'first-request' | 'admin-pin' | 'rebalanced';

export interface BindingKey {
  readonly projectId: string;
  readonly azName: string;
  /** null: the default group, for flavors and volume types without an affinity tag. */
  readonly affinityTag: string | null;
}

export type BindingEvent =
  | {
      readonly type: 'TenantBoundToPod';
      readonly data: BindingKey & {
        readonly bindingId: string;
        readonly podId: string;
        readonly reason: BindingReason;
        readonly boundAt: string;
      };
    }
  | {
      readonly type: 'TenantBindingEnded';
      readonly data: BindingKey & {
        readonly bindingId: string;
        readonly podId: string;
        readonly reason: string;
        readonly endedAt: string;
      };
    };

export const BINDING_EVENT_TYPES: readonly BindingEvent['type'][] = ['TenantBoundToPod', 'TenantBindingEnded'];
