import type { Decider } from '@podgate/kernel';
import type { BindingEvent, BindingKey, BindingReason } from './binding.events';
import { BindingNotFoundError, NoActiveBindingError, NoValidHostError } from './binding.errors';

export interface ActiveBinding {
  readonly bindingId: string;
  readonly podId: string;
  readonly boundAt: string;
}

export interface BindingState {
  readonly active: ActiveBinding | undefined;
  readonly everBound: readonly string[];
}

export const initialBindingState: BindingState = { active: undefined, everBound: [] };

export type BindingCommand =
  | {
      readonly type: 'BindTenant';
      readonly key: BindingKey;
      readonly bindingId: string;
      readonly podId: string;
      readonly reason: BindingReason;
      readonly now: string;
    }
  /**
   * The scheduler's choice, as data: `eligiblePodIds` are the pods that can take work now, best
   * first. Keeping the active binding when its pod is among them is part of the decision, so a
   * request that lost a race re-decides on the winner's binding and reuses it instead of rebinding.
   */
  | {
      readonly type: 'PlaceTenant';
      readonly key: BindingKey;
      readonly bindingId: string;
      readonly eligiblePodIds: readonly string[];
      readonly now: string;
    }
  | {
      readonly type: 'EndTenantBinding';
      readonly key: BindingKey;
      readonly bindingId?: string;
      readonly reason: string;
      readonly now: string;
    };

/**
 * Binding to the pod already bound records nothing (so a retried request is harmless). Binding
 * elsewhere ends the current binding first, in the same append, with reason `rebalanced` for a
 * scheduler decision or the admin's reason for a pin.
 */
export function decideBinding(command: BindingCommand, state: BindingState): BindingEvent[] {
  const { active } = state;
  switch (command.type) {
    case 'BindTenant': {
      if (active?.podId === command.podId) return [];
      const bound: BindingEvent = {
        type: 'TenantBoundToPod',
        data: {
          ...command.key,
          bindingId: command.bindingId,
          podId: command.podId,
          reason: command.reason,
          boundAt: command.now,
        },
      };
      if (!active) return [bound];
      const endReason = command.reason === 'admin-pin' ? 'admin-pin' : 'rebalanced';
      return [ended(command.key, active, endReason, command.now), bound];
    }
    case 'PlaceTenant': {
      if (active && command.eligiblePodIds.includes(active.podId)) return [];
      const [best] = command.eligiblePodIds;
      if (best === undefined) throw new NoValidHostError(command.key.azName, []);
      const reason = state.everBound.length === 0 ? 'first-request' : 'rebalanced';
      return decideBinding(
        { type: 'BindTenant', key: command.key, bindingId: command.bindingId, podId: best, reason, now: command.now },
        state,
      );
    }
    case 'EndTenantBinding': {
      const { bindingId } = command;
      if (bindingId !== undefined && bindingId !== active?.bindingId) {
        if (state.everBound.includes(bindingId)) return []; // already ended
        throw new BindingNotFoundError(bindingId);
      }
      if (!active) throw new NoActiveBindingError(command.key.projectId, command.key.azName);
      return [ended(command.key, active, command.reason, command.now)];
    }
    default:
      return unreachable(command);
  }
}

export function evolveBinding(state: BindingState, event: BindingEvent): BindingState {
  switch (event.type) {
    case 'TenantBoundToPod':
      return {
        active: { bindingId: event.data.bindingId, podId: event.data.podId, boundAt: event.data.boundAt },
        everBound: [...state.everBound, event.data.bindingId],
      };
    case 'TenantBindingEnded':
      return state.active?.bindingId === event.data.bindingId ? { ...state, active: undefined } : state;
    default:
      return unreachable(event);
  }
}

const ended = (key: BindingKey, active: ActiveBinding, reason: string, now: string): BindingEvent => ({
  type: 'TenantBindingEnded',
  data: { ...key, bindingId: active.bindingId, podId: active.podId, reason, endedAt: now },
});

export const bindingDecider: Decider<BindingCommand, BindingEvent, BindingState> = {
  decide: decideBinding,
  evolve: evolveBinding,
  initialState: initialBindingState,
};

function unreachable(value: never): never {
  throw new Error(`unhandled: ${JSON.stringify(value)}`);
}
