import { OpenStackError } from '../http/openstack-error';
import { ACTION_RULES, ServerAction, canRunAction, checkServerAction } from './server-state-machine';
import { PowerState, ServerRecord, TaskState, VmState } from './server.model';
import { serverStatus } from './server-status';

const server = (vmState: VmState, taskState: TaskState = null, locked = false): ServerRecord =>
  ({ id: 'srv-1', vmState, taskState, powerState: PowerState.RUNNING, locked }) as ServerRecord;

function conflictOf(fn: () => unknown): OpenStackError {
  try {
    fn();
  } catch (error) {
    if (error instanceof OpenStackError) return error;
    throw error;
  }
  throw new Error('expected an OpenStackError');
}

describe('server state machine (Nova check_instance_state rules)', () => {
  it.each<[ServerAction, VmState]>([
    ['pause', 'active'],
    ['unpause', 'paused'],
    ['stop', 'active'],
    ['stop', 'error'],
    ['start', 'stopped'],
    ['suspend', 'active'],
    ['resume', 'suspended'],
    ['rebootHard', 'stopped'],
    ['resize', 'stopped'],
    ['confirmResize', 'resized'],
    ['shelve', 'paused'],
    ['unshelve', 'shelved_offloaded'],
    ['rebuild', 'error'],
    ['rescue', 'stopped'],
    ['unrescue', 'rescued'],
    ['liveMigrate', 'paused'],
    ['delete', 'building'],
  ])('accepts %s from vm_state %s', (action, vm) => {
    expect(canRunAction(server(vm), action, false)).toBe(true);
  });

  it.each<[ServerAction, VmState, string]>([
    ['pause', 'stopped', "Cannot 'pause' instance srv-1 while it is in vm_state stopped"],
    ['start', 'active', "Cannot 'start' instance srv-1 while it is in vm_state active"],
    ['rebootSoft', 'stopped', "Cannot 'reboot' instance srv-1 while it is in vm_state stopped"],
    ['confirmResize', 'active', "Cannot 'confirm_resize' instance srv-1 while it is in vm_state active"],
    ['shelveOffload', 'active', "Cannot 'shelve_offload' instance srv-1 while it is in vm_state active"],
    ['unrescue', 'active', "Cannot 'unrescue' instance srv-1 while it is in vm_state active"],
    ['resize', 'building', "Cannot 'resize' instance srv-1 while it is in vm_state building"],
  ])('rejects %s from vm_state %s with 409', (action, vm, message) => {
    const error = conflictOf(() => checkServerAction(server(vm), action, false));
    expect(error.status).toBe(409);
    expect(error.message).toBe(message);
  });

  it('rejects an action while another task runs, naming the task_state', () => {
    const error = conflictOf(() => checkServerAction(server('active', 'powering-off'), 'pause', false));
    expect(error.message).toBe("Cannot 'pause' instance srv-1 while it is in task_state powering-off");
  });

  it('lets a hard reboot interrupt a soft reboot but not the other way round', () => {
    expect(canRunAction(server('active', 'rebooting'), 'rebootHard', false)).toBe(true);
    expect(canRunAction(server('active', 'rebooting_hard'), 'rebootSoft', false)).toBe(false);
  });

  it('refuses locked servers to their owner but not to an admin', () => {
    const locked = server('active', null, true);
    expect(conflictOf(() => checkServerAction(locked, 'stop', false)).message).toBe('Instance srv-1 is locked');
    expect(canRunAction(locked, 'stop', true)).toBe(true);
    // createImage is not lock-checked in Nova.
    expect(canRunAction(locked, 'createImage', false)).toBe(true);
  });

  it('ends each action in the state Nova reaches', () => {
    expect(ACTION_RULES.stop.final?.(server('active'))).toEqual({ vmState: 'stopped', powerState: PowerState.SHUTDOWN });
    expect(ACTION_RULES.suspend.final?.(server('active'))).toEqual({ vmState: 'suspended', powerState: PowerState.SUSPENDED });
    expect(ACTION_RULES.rebuild.final?.({ ...server('stopped'), powerState: PowerState.SHUTDOWN })).toEqual({
      vmState: 'stopped',
      powerState: PowerState.SHUTDOWN,
    });
    const resized = {
      ...server('resized'),
      resizeFrom: { vmState: 'stopped' as VmState, powerState: PowerState.SHUTDOWN, host: 'h', flavor: {} as never },
    };
    expect(ACTION_RULES.revertResize.final?.(resized)).toEqual({ vmState: 'stopped', powerState: PowerState.SHUTDOWN });
  });
});

describe('server status (nova/api/openstack/common.py mapping)', () => {
  it.each<[VmState, TaskState, string]>([
    ['building', 'scheduling', 'BUILD'],
    ['active', null, 'ACTIVE'],
    ['active', 'rebooting', 'REBOOT'],
    ['active', 'rebooting_hard', 'HARD_REBOOT'],
    ['active', 'resize_prep', 'RESIZE'],
    ['active', 'rebuilding', 'REBUILD'],
    ['active', 'migrating', 'MIGRATING'],
    ['active', 'updating_password', 'PASSWORD'],
    ['active', 'powering-off', 'ACTIVE'],
    ['stopped', null, 'SHUTOFF'],
    ['resized', null, 'VERIFY_RESIZE'],
    ['resized', 'resize_reverting', 'REVERT_RESIZE'],
    ['rescued', null, 'RESCUE'],
    ['shelved_offloaded', 'unshelving', 'SHELVED_OFFLOADED'],
    ['error', null, 'ERROR'],
  ])('%s + %s -> %s', (vm, task, status) => {
    expect(serverStatus(vm, task)).toBe(status);
  });
});
