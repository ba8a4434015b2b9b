import type { BindingEvent, BindingKey, BindingReason } from './binding.events';
import { BindingNotFoundError, NoActiveBindingError } from './binding.errors';

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
    case 'EndTenantBinding':
      if (!active) throw new NoActiveBindingError(command.key.projectId, command.key.azName);
      if (command.bindingId !== undefined && command.bindingId !== active.bindingId) {
        if (state.everBound.includes(command.bindingId)) return []; // already ended
        throw new BindingNotFoundError(command.bindingId);
      }
      return [ended(command.key, active, command.reason, command.now)];
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

function unreachable(value: never): never {
  throw new Error(`unhandled: ${JSON.stringify(value)}`);
}
