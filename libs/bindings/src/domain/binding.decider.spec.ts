import { specify } from '@podgate/kernel';
import { decideBinding, evolveBinding, initialBindingState } from './binding.decider';
import { BindingNotFoundError, NoActiveBindingError, NoValidHostError } from './binding.errors';
import type { BindingEvent, BindingKey } from './binding.events';

const key: BindingKey = { projectId: 'tenant-a', azName: 'az1', affinityTag: null };
const t0 = '2026-11-22T10:00:00.000Z';
const t1 = '2026-11-22T11:00:00.000Z';
const boundToPod1: BindingEvent = {
  type: 'TenantBoundToPod',
  data: { ...key, bindingId: 'b1', podId: 'pod1', reason: 'first-request', boundAt: t0 },
};
const binding = specify({ decide: decideBinding, evolve: evolveBinding, initialState: initialBindingState });
const bind = (podId: string, bindingId: string, reason: 'first-request' | 'admin-pin' | 'rebalanced' = 'first-request') =>
  ({ type: 'BindTenant', key, bindingId, podId, reason, now: t1 }) as const;

describe('tenant binding decider', () => {
  it('binds a tenant on its first request', () => {
    expect(binding.given([]).when({ ...bind('pod1', 'b1'), now: t0 })).toEqual({ events: [boundToPod1] });
  });

  it('records nothing when the tenant is already bound to that pod', () => {
    expect(binding.given([boundToPod1]).when(bind('pod1', 'b2'))).toEqual({ events: [] });
  });

  it('ends the old binding as rebalanced and binds the new pod in one decision', () => {
    expect(binding.given([boundToPod1]).when(bind('pod2', 'b2', 'rebalanced'))).toEqual({
      events: [
        { type: 'TenantBindingEnded', data: { ...key, bindingId: 'b1', podId: 'pod1', reason: 'rebalanced', endedAt: t1 } },
        { type: 'TenantBoundToPod', data: { ...key, bindingId: 'b2', podId: 'pod2', reason: 'rebalanced', boundAt: t1 } },
      ],
    });
  });

  it('records an admin pin as the reason the old binding ended', () => {
    const { events } = binding.given([boundToPod1]).when(bind('pod2', 'b2', 'admin-pin'));
    expect(events?.[0]).toMatchObject({ type: 'TenantBindingEnded', data: { reason: 'admin-pin' } });
  });

  it('ends the active binding, and treats ending an already ended one as done', () => {
    const end = { type: 'EndTenantBinding', key, bindingId: 'b1', reason: 'tenant left', now: t1 } as const;
    const endedB1: BindingEvent = {
      type: 'TenantBindingEnded',
      data: { ...key, bindingId: 'b1', podId: 'pod1', reason: 'tenant left', endedAt: t1 },
    };
    expect(binding.given([boundToPod1]).when(end)).toEqual({ events: [endedB1] });
    expect(binding.given([boundToPod1, endedB1]).when(end)).toEqual({ events: [] });
    expect(binding.given([boundToPod1, endedB1]).when({ ...end, bindingId: undefined }).error).toBeInstanceOf(
      NoActiveBindingError,
    );
    const rebound: BindingEvent = { ...boundToPod1, data: { ...boundToPod1.data, bindingId: 'b2' } };
    expect(binding.given([boundToPod1, endedB1, rebound]).when(end)).toEqual({ events: [] });
    expect(binding.given([boundToPod1]).when({ ...end, bindingId: 'nope' }).error).toBeInstanceOf(BindingNotFoundError);
  });

  describe("placing a tenant (the scheduler's choice)", () => {
    const place = (eligiblePodIds: string[], bindingId = 'b2') =>
      ({ type: 'PlaceTenant', key, bindingId, eligiblePodIds, now: t1 }) as const;

    it('binds the best eligible pod on the first request', () => {
      expect(binding.given([]).when(place(['pod2', 'pod1']))).toEqual({
        events: [
          { type: 'TenantBoundToPod', data: { ...key, bindingId: 'b2', podId: 'pod2', reason: 'first-request', boundAt: t1 } },
        ],
      });
    });

    it('keeps the active binding while its pod is eligible, even when another pod ranks higher', () => {
      expect(binding.given([boundToPod1]).when(place(['pod2', 'pod1']))).toEqual({ events: [] });
    });

    it('rebalances away from a pod that is no longer eligible, ending the old binding in the same decision', () => {
      expect(binding.given([boundToPod1]).when(place(['pod2']))).toEqual({
        events: [
          { type: 'TenantBindingEnded', data: { ...key, bindingId: 'b1', podId: 'pod1', reason: 'rebalanced', endedAt: t1 } },
          { type: 'TenantBoundToPod', data: { ...key, bindingId: 'b2', podId: 'pod2', reason: 'rebalanced', boundAt: t1 } },
        ],
      });
    });

    it('calls a binding after an ended one rebalanced too, since the tenant has been placed before', () => {
      const endedB1: BindingEvent = {
        type: 'TenantBindingEnded',
        data: { ...key, bindingId: 'b1', podId: 'pod1', reason: 'x', endedAt: t1 },
      };
      expect(binding.given([boundToPod1, endedB1]).when(place(['pod1'])).events).toEqual([
        { type: 'TenantBoundToPod', data: { ...key, bindingId: 'b2', podId: 'pod1', reason: 'rebalanced', boundAt: t1 } },
      ]);
    });

    it('refuses when no pod is eligible', () => {
      expect(binding.given([boundToPod1]).when(place([])).error).toBeInstanceOf(NoValidHostError);
    });
  });
});
