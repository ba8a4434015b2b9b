// Running a server action over (simulated) time: set the task_state now, reach the end state
// after the pod's delay. Also the two tasks every server has: build and delete.
import { Caller } from '../http/request-context';
import { PodState } from '../pod/pod-state';
import { recordInstanceAction } from './instance-action-log';
import { ACTION_RULES, ServerAction } from './server-state-machine';
import { PowerState, ServerRecord } from './server.model';
import { detachAllVolumesOnDelete } from './volume-attach';

export const taskKey = (serverId: string): string => `server:${serverId}`;

export interface TaskOptions {
  /** Extra changes when the task completes (new flavor, new host, ...). Runs after the end state is set. */
  complete?: (server: ServerRecord, at: number) => void;
  delayMs?: number;
  /** The instance-action name when it differs from Nova's method name. */
  actionName?: string;
}

export function startServerTask(
  pod: PodState,
  server: ServerRecord,
  action: ServerAction,
  caller: Caller,
  requestId: string,
  options: TaskOptions = {},
): void {
  const rule = ACTION_RULES[action];
  const now = pod.now();
  const delay = options.delayMs ?? pod.config.delays.actionMs;
  server.taskState = rule.taskState;
  server.updatedAt = now;
  recordInstanceAction(pod, server, options.actionName ?? rule.method, caller, requestId, delay);
  const id = server.id;
  pod.later(taskKey(id), delay, (at) => {
    const current = pod.nova.servers.get(id);
    if (!current) return;
    if (rule.final) {
      const end = rule.final(current);
      current.vmState = end.vmState;
      current.powerState = end.powerState;
    }
    current.taskState = null;
    current.updatedAt = at;
    options.complete?.(current, at);
  });
}

/** BUILD ends ACTIVE on the chosen host, or ERROR with Nova's NoValidHost fault when none fit. */
export function scheduleBuild(pod: PodState, server: ServerRecord, networkIds: string[]): void {
  pod.later(taskKey(server.id), pod.config.delays.buildMs, (at) => {
    const current = pod.nova.servers.get(server.id);
    if (!current) return;
    current.updatedAt = at;
    current.taskState = null;
    if (!current.host) {
      current.vmState = 'error';
      current.powerState = PowerState.NOSTATE;
      current.fault = {
        code: 500,
        message: 'No valid host was found. There are not enough hosts available.',
        details:
          'Traceback (most recent call last):\n  (simulated by the pod simulator)\nnova.exception.NoValidHost: No valid host was found. There are not enough hosts available.',
        created: at,
      };
      return;
    }
    for (const networkId of networkIds) pod.network.allocatePort(networkId, current.id, current.projectId, current.az, at);
    current.vmState = 'active';
    current.powerState = PowerState.RUNNING;
    current.launchedAt = at;
  });
}

/** Deleting is a task too: the server shows task_state "deleting" until it is gone (404). */
export function startDelete(pod: PodState, server: ServerRecord, caller: Caller, requestId: string, actionName = 'delete'): void {
  server.taskState = 'deleting';
  server.updatedAt = pod.now();
  recordInstanceAction(pod, server, actionName, caller, requestId, pod.config.delays.actionMs);
  const id = server.id;
  pod.later(taskKey(id), pod.config.delays.actionMs, () => {
    const current = pod.nova.servers.get(id);
    if (!current) return;
    detachAllVolumesOnDelete(pod, current);
    pod.network.releasePorts(id);
    pod.nova.servers.delete(id);
    pod.nova.instanceActions.delete(id);
  });
}
