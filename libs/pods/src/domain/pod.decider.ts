import type { PodEvent, PodProfile } from './pod.events';
import { InvalidPodProfileError, PodAlreadyRegisteredError, PodNotFoundError, PodStillInUseError } from './pod.errors';

export type PodState =
  | { readonly status: 'unregistered' }
  | {
      readonly status: 'registered';
      readonly podId: string;
      readonly name: string;
      readonly profile: PodProfile;
      readonly inMaintenance: boolean;
    };

export const initialPodState: PodState = { status: 'unregistered' };

export type PodCommand =
  | { readonly type: 'RegisterPod'; readonly podId: string; readonly name: string; readonly profile: PodProfile }
  | { readonly type: 'UpdatePod'; readonly podId: string; readonly changes: Partial<PodProfile> }
  | { readonly type: 'StartPodMaintenance'; readonly podId: string; readonly reason: string }
  | { readonly type: 'EndPodMaintenance'; readonly podId: string }
  /** The handler counts the pod's active bindings and routed resources from the read models. */
  | {
      readonly type: 'DeregisterPod';
      readonly podId: string;
      readonly force: boolean;
      readonly reason: string;
      readonly activeBindings: number;
      readonly routedResources: number;
    };

/** Pure: what the command means given the pod's history. Repeating a command that is already true records nothing. */
export function decidePod(command: PodCommand, state: PodState): PodEvent[] {
  switch (command.type) {
    case 'RegisterPod':
      if (state.status === 'registered') throw new PodAlreadyRegisteredError(command.name);
      assertProfile(command.profile);
      return [{ type: 'PodRegistered', data: { podId: command.podId, name: command.name, ...command.profile } }];
    case 'UpdatePod': {
      const pod = registered(state, command.podId);
      assertProfile({ ...pod.profile, ...command.changes });
      const changes = Object.fromEntries(
        Object.entries(command.changes).filter(
          ([key, value]) => JSON.stringify(pod.profile[key as keyof PodProfile]) !== JSON.stringify(value),
        ),
      );
      return Object.keys(changes).length === 0 ? [] : [{ type: 'PodUpdated', data: { podId: command.podId, changes } }];
    }
    case 'StartPodMaintenance':
      return registered(state, command.podId).inMaintenance
        ? []
        : [{ type: 'PodMaintenanceStarted', data: { podId: command.podId, reason: command.reason } }];
    case 'EndPodMaintenance':
      return registered(state, command.podId).inMaintenance
        ? [{ type: 'PodMaintenanceEnded', data: { podId: command.podId } }]
        : [];
    case 'DeregisterPod':
      registered(state, command.podId);
      if (!command.force && (command.activeBindings > 0 || command.routedResources > 0)) {
        throw new PodStillInUseError(command.podId, command.activeBindings, command.routedResources);
      }
      return [{ type: 'PodDeregistered', data: { podId: command.podId, forced: command.force, reason: command.reason } }];
    default:
      return unreachable(command);
  }
}

export function evolvePod(state: PodState, event: PodEvent): PodState {
  switch (event.type) {
    case 'PodRegistered': {
      const { podId, name, ...profile } = event.data;
      return { status: 'registered', podId, name, profile, inMaintenance: false };
    }
    case 'PodUpdated':
      return state.status === 'registered' ? { ...state, profile: { ...state.profile, ...event.data.changes } } : state;
    case 'PodMaintenanceStarted':
      return state.status === 'registered' ? { ...state, inMaintenance: true } : state;
    case 'PodMaintenanceEnded':
      return state.status === 'registered' ? { ...state, inMaintenance: false } : state;
    case 'PodDeregistered':
      return initialPodState;
    default:
      return unreachable(event);
  }
}

function registered(state: PodState, podId: string): Extract<PodState, { status: 'registered' }> {
  if (state.status !== 'registered') throw new PodNotFoundError(podId);
  return state;
}

function assertProfile(profile: PodProfile): void {
  if (!(profile.capacityThreshold > 0 && profile.capacityThreshold <= 1)) {
    throw new InvalidPodProfileError(`capacity threshold must be in (0, 1], got ${profile.capacityThreshold}`);
  }
  if (profile.azName.trim() === '') throw new InvalidPodProfileError('az_name must not be empty');
}

function unreachable(value: never): never {
  throw new Error(`unhandled: ${JSON.stringify(value)}`);
}
