// The simulated Nova's server state machine: which vm/task states each action accepts (the
// check_instance_state / check_instance_lock decorators of nova/compute/api.py), the task_state
// it runs under, and the state it ends in. Pure data and functions; timing lives elsewhere.
import { conflict } from '../http/openstack-error';
import { PowerState, PowerStateValue, ServerRecord, TaskState, VmState } from './server.model';

export type ServerAction =
  | 'stop'
  | 'start'
  | 'pause'
  | 'unpause'
  | 'suspend'
  | 'resume'
  | 'rebootSoft'
  | 'rebootHard'
  | 'resize'
  | 'migrate'
  | 'confirmResize'
  | 'revertResize'
  | 'shelve'
  | 'shelveOffload'
  | 'unshelve'
  | 'rebuild'
  | 'evacuate'
  | 'createImage'
  | 'rescue'
  | 'unrescue'
  | 'changePassword'
  | 'liveMigrate'
  | 'triggerCrashDump'
  | 'attachVolume'
  | 'detachVolume'
  | 'updateMetadata'
  | 'delete';

export interface FinalState {
  vmState: VmState;
  powerState: PowerStateValue;
}

export interface ActionRule {
  /** The name Nova prints in "Cannot '<method>' instance <id> while it is in ...". */
  method: string;
  vmStates: readonly VmState[] | 'any';
  taskStates: readonly TaskState[] | 'any';
  checksLock: boolean;
  /** task_state while the action runs; null for actions that take effect at once. */
  taskState: TaskState;
  /** The end state, when the action changes it. */
  final?: (server: ServerRecord) => FinalState;
}

const ONLY_IDLE = [null] as const;
const to = (vmState: VmState, powerState: PowerStateValue) => (): FinalState => ({ vmState, powerState });
const running = to('active', PowerState.RUNNING);
const unchanged = (s: ServerRecord): FinalState => ({ vmState: s.vmState, powerState: s.powerState });
/** Rebuild and evacuate keep a stopped server stopped (Nova since Liberty). */
const keepStopped = (s: ServerRecord): FinalState =>
  s.vmState === 'stopped'
    ? { vmState: 'stopped', powerState: PowerState.SHUTDOWN }
    : { vmState: 'active', powerState: PowerState.RUNNING };
const beforeResize = (s: ServerRecord): FinalState =>
  s.resizeFrom?.vmState === 'stopped'
    ? { vmState: 'stopped', powerState: PowerState.SHUTDOWN }
    : { vmState: 'active', powerState: PowerState.RUNNING };

const rule = (
  method: string,
  vmStates: readonly VmState[] | 'any',
  taskState: TaskState,
  final?: ActionRule['final'],
  checksLock = true,
): ActionRule => ({
  method,
  vmStates,
  taskStates: ONLY_IDLE,
  checksLock,
  taskState,
  final,
});

const VOLUME_VM_STATES: readonly VmState[] = [
  'active',
  'paused',
  'stopped',
  'resized',
  'soft-delete',
  'shelved',
  'shelved_offloaded',
];

export const ACTION_RULES: Record<ServerAction, ActionRule> = {
  stop: rule('stop', ['active', 'error'], 'powering-off', to('stopped', PowerState.SHUTDOWN)),
  start: rule('start', ['stopped'], 'powering-on', running),
  pause: rule('pause', ['active'], 'pausing', to('paused', PowerState.PAUSED)),
  unpause: rule('unpause', ['paused'], 'unpausing', running),
  suspend: rule('suspend', ['active'], 'suspending', to('suspended', PowerState.SUSPENDED)),
  resume: rule('resume', ['suspended'], 'resuming', running),
  rebootSoft: rule('reboot', ['active'], 'rebooting', running),
  rebootHard: {
    ...rule('reboot', ['active', 'stopped', 'paused', 'suspended', 'error'], 'rebooting_hard', running),
    taskStates: [null, 'rebooting', 'rebooting_hard', 'pausing', 'unpausing', 'suspending', 'resuming'],
  },
  resize: rule('resize', ['active', 'stopped'], 'resize_prep', (s) => ({ vmState: 'resized', powerState: s.powerState })),
  migrate: rule('migrate', ['active', 'stopped'], 'resize_prep', (s) => ({ vmState: 'resized', powerState: s.powerState })),
  confirmResize: { ...rule('confirm_resize', ['resized'], null, beforeResize), taskStates: 'any' },
  revertResize: rule('revert_resize', ['resized'], 'resize_reverting', beforeResize),
  shelve: rule('shelve', ['active', 'stopped', 'paused', 'suspended'], 'shelving', to('shelved', PowerState.SHUTDOWN)),
  shelveOffload: rule('shelve_offload', ['shelved'], 'shelving_offloading', to('shelved_offloaded', PowerState.SHUTDOWN)),
  unshelve: rule('unshelve', ['shelved', 'shelved_offloaded'], 'unshelving', running),
  rebuild: rule('rebuild', ['active', 'stopped', 'error'], 'rebuilding', keepStopped),
  evacuate: rule('evacuate', ['active', 'stopped', 'error'], 'rebuilding', keepStopped, false),
  createImage: rule('createImage', ['active', 'stopped', 'paused', 'suspended'], 'image_snapshot', unchanged, false),
  rescue: rule('rescue', ['active', 'stopped', 'error'], 'rescuing', to('rescued', PowerState.RUNNING)),
  unrescue: rule('unrescue', ['rescued'], 'unrescuing', running),
  changePassword: rule('changePassword', ['active'], 'updating_password', unchanged),
  liveMigrate: rule('os-migrateLive', ['active', 'paused'], 'migrating', unchanged),
  triggerCrashDump: rule('trigger_crash_dump', ['active', 'paused', 'rescued', 'resized', 'error'], null),
  attachVolume: rule('attach_volume', VOLUME_VM_STATES, null),
  detachVolume: rule('detach_volume', VOLUME_VM_STATES, null),
  updateMetadata: rule('update metadata', ['active', 'paused', 'suspended', 'stopped'], null),
  delete: { ...rule('delete', 'any', 'deleting'), taskStates: 'any' },
};

/** Throws Nova's 409s: InstanceIsLocked first, then InstanceInvalidState (vm_state, then task_state). */
export function checkServerAction(server: ServerRecord, action: ServerAction, callerIsAdmin: boolean): ActionRule {
  const found = ACTION_RULES[action];
  if (found.checksLock && server.locked && !callerIsAdmin) throw conflict(`Instance ${server.id} is locked`);
  if (found.vmStates !== 'any' && !found.vmStates.includes(server.vmState)) {
    throw conflict(`Cannot '${found.method}' instance ${server.id} while it is in vm_state ${server.vmState}`);
  }
  if (found.taskStates !== 'any' && !found.taskStates.includes(server.taskState)) {
    throw conflict(`Cannot '${found.method}' instance ${server.id} while it is in task_state ${server.taskState}`);
  }
  return found;
}

/** Whether the action would be accepted, without raising. */
export function canRunAction(server: ServerRecord, action: ServerAction, callerIsAdmin: boolean): boolean {
  try {
    checkServerAction(server, action, callerIsAdmin);
    return true;
  } catch {
    return false;
  }
}
