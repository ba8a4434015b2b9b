import type { Decider } from '@podgate/kernel';
import type { PodEvent, PodProfile } from './pod.events';
import { PodAlreadyRegisteredError, PodNotFoundError, PodStillInUseError } from './pod.errors';
import { assertPodName, assertProfile } from './pod.validation';

export interface RegisteredPod {
  readonly status: 'registered';
  readonly podId: string;
  readonly name: string;
  readonly profile: PodProfile;
  readonly inMaintenance: boolean;
  readonly maintenanceReason: string | null;
}

/** A deregistered pod keeps its last registration, so its name can come back and its view can still be shown. */
export type PodState =
  | { readonly status: 'unregistered' }
  | RegisteredPod
  | { readonly status: 'deregistered'; readonly podId: string; readonly name: string; readonly profile: PodProfile };

export const initialPodState: PodState = { status: 'unregistered' };

/** Maintenance on (with an optional reason) or off, as part of an update. */
export interface MaintenanceChange {
  readonly enabled: boolean;
  readonly reason?: string;
}

export type PodCommand =
  | { readonly type: 'RegisterPod'; readonly podId: string; readonly name: string; readonly profile: PodProfile }
  /** Profile changes and maintenance in one decision, so one append records both or neither. */
  | {
      readonly type: 'UpdatePod';
      readonly podId: string;
      readonly changes: Partial<PodProfile>;
      readonly maintenance?: MaintenanceChange;
    }
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
      assertPodName(command.name);
      assertProfile(command.profile);
      return [{ type: 'PodRegistered', data: { podId: command.podId, name: command.name, ...command.profile } }];
    case 'UpdatePod': {
      const pod = registered(state, command.podId);
      const maintenance = command.maintenance;
      const toggle = maintenance && (maintenance.enabled ? startMaintenance(pod, maintenance.reason ?? '') : endMaintenance(pod));
      return [...profileChanges(pod, command.changes), ...(toggle ?? [])];
    }
    case 'StartPodMaintenance':
      return startMaintenance(registered(state, command.podId), command.reason);
    case 'EndPodMaintenance':
      return endMaintenance(registered(state, command.podId));
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
      return { status: 'registered', podId, name, profile, inMaintenance: false, maintenanceReason: null };
    }
    case 'PodUpdated':
      return state.status === 'registered' ? { ...state, profile: { ...state.profile, ...event.data.changes } } : state;
    case 'PodMaintenanceStarted':
      return state.status === 'registered'
        ? { ...state, inMaintenance: true, maintenanceReason: event.data.reason || null }
        : state;
    case 'PodMaintenanceEnded':
      return state.status === 'registered' ? { ...state, inMaintenance: false, maintenanceReason: null } : state;
    case 'PodDeregistered':
      return state.status === 'registered'
        ? { status: 'deregistered', podId: state.podId, name: state.name, profile: state.profile }
        : state;
    default:
      return unreachable(event);
  }
}

export const podDecider: Decider<PodCommand, PodEvent, PodState> = {
  decide: decidePod,
  evolve: evolvePod,
  initialState: initialPodState,
};

/** Only the fields whose value really differs; fields given as undefined mean "leave as is". */
function profileChanges(pod: RegisteredPod, requested: Partial<PodProfile>): PodEvent[] {
  const changes = Object.fromEntries(
    Object.entries(requested).filter(
      ([key, value]) => value !== undefined && canonical(pod.profile[key as keyof PodProfile]) !== canonical(value),
    ),
  ) as Partial<PodProfile>;
  assertProfile({ ...pod.profile, ...changes });
  return Object.keys(changes).length === 0 ? [] : [{ type: 'PodUpdated', data: { podId: pod.podId, changes } }];
}

const startMaintenance = (pod: RegisteredPod, reason: string): PodEvent[] =>
  pod.inMaintenance ? [] : [{ type: 'PodMaintenanceStarted', data: { podId: pod.podId, reason } }];

const endMaintenance = (pod: RegisteredPod): PodEvent[] =>
  pod.inMaintenance ? [{ type: 'PodMaintenanceEnded', data: { podId: pod.podId } }] : [];

/** JSON with sorted keys: endpoints given in another key order are the same endpoints. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

function registered(state: PodState, podId: string): RegisteredPod {
  if (state.status !== 'registered') throw new PodNotFoundError(podId);
  return state;
}

function unreachable(value: never): never {
  throw new Error(`unhandled: ${JSON.stringify(value)}`);
}
