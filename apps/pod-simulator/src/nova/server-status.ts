// Nova's mapping from (vm_state, task_state) to the API `status`, from nova/api/openstack/common.py.
import { TaskState, VmState } from './server.model';

type StatusTable = Record<VmState, { default: string } & Partial<Record<Exclude<TaskState, null>, string>>>;

const RESIZING = { resize_prep: 'RESIZE' } as const;

const STATUS: StatusTable = {
  active: {
    default: 'ACTIVE',
    rebooting: 'REBOOT',
    rebooting_hard: 'HARD_REBOOT',
    updating_password: 'PASSWORD',
    rebuilding: 'REBUILD',
    rebuild_spawning: 'REBUILD',
    migrating: 'MIGRATING',
    ...RESIZING,
  },
  building: { default: 'BUILD' },
  stopped: { default: 'SHUTOFF', rebuilding: 'REBUILD', rebooting_hard: 'HARD_REBOOT', ...RESIZING },
  resized: { default: 'VERIFY_RESIZE', resize_reverting: 'REVERT_RESIZE' },
  paused: { default: 'PAUSED', migrating: 'MIGRATING', rebooting_hard: 'HARD_REBOOT' },
  suspended: { default: 'SUSPENDED', rebooting_hard: 'HARD_REBOOT' },
  rescued: { default: 'RESCUE' },
  error: { default: 'ERROR', rebuilding: 'REBUILD', rebooting_hard: 'HARD_REBOOT' },
  deleted: { default: 'DELETED' },
  'soft-delete': { default: 'SOFT_DELETED' },
  shelved: { default: 'SHELVED' },
  shelved_offloaded: { default: 'SHELVED_OFFLOADED' },
};

export function serverStatus(vmState: VmState, taskState: TaskState): string {
  const row = STATUS[vmState];
  return (taskState !== null ? row[taskState] : undefined) ?? row.default;
}

/** All statuses a status filter may name; anything else is "invalid" (2.38+) or matches nothing. */
export const KNOWN_STATUSES = new Set(
  Object.values(STATUS)
    .flatMap((row) => Object.values(row))
    .concat(['UNKNOWN']),
);

/** Statuses whose servers show `progress` (Nova only sets it for these). */
export const PROGRESS_STATUSES = new Set(['ACTIVE', 'BUILD', 'REBUILD', 'RESIZE', 'VERIFY_RESIZE', 'MIGRATING']);
