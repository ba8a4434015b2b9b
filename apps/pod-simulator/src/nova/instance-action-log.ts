// os-instance-actions records: every API action on a server, with one compute event.
import { Caller } from '../http/request-context';
import { PodState } from '../pod/pod-state';
import { ServerRecord } from './server.model';

/** Nova's event names are "compute_<method>" for most actions. */
const eventName = (action: string): string =>
  `compute_${action
    .replace(/([A-Z])/g, '_$1')
    .toLowerCase()
    .replace(/^os-/, '')
    .replace(/-/g, '_')}`;

export function recordInstanceAction(
  pod: PodState,
  server: ServerRecord,
  action: string,
  caller: Caller,
  requestId: string,
  durationMs: number,
): void {
  const now = pod.now();
  const list = pod.nova.instanceActions.get(server.id) ?? [];
  list.push({
    action,
    instanceUuid: server.id,
    requestId,
    userId: caller.userId,
    projectId: caller.projectId,
    startTime: now,
    finishAt: now + durationMs,
    message: null,
    events: [{ event: eventName(action), startTime: now, finishAt: now + durationMs, result: 'Success', host: server.host }],
  });
  pod.nova.instanceActions.set(server.id, list);
}
