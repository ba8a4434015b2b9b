// /servers/{id}/os-instance-actions of the simulated Nova.
import type { FastifyInstance } from 'fastify';
import { isoMicrosNaive } from '../clock';
import { ApiVersion, atLeast } from '../http/microversion';
import { notFound } from '../http/openstack-error';
import { callerOf, microversionOf } from '../http/request-context';
import { NovaContext, param } from './nova-context';
import { InstanceAction } from './nova-store';
import { hostId } from './server-views';
import { ServerRecord } from './server.model';

function summary(a: InstanceAction, version: ApiVersion, now: number): Record<string, unknown> {
  const view: Record<string, unknown> = {
    action: a.action,
    instance_uuid: a.instanceUuid,
    message: a.message,
    project_id: a.projectId,
    request_id: a.requestId,
    start_time: isoMicrosNaive(a.startTime),
    user_id: a.userId,
  };
  if (atLeast(version, '2.58')) view.updated_at = isoMicrosNaive(Math.min(a.finishAt, now));
  return view;
}

export function registerInstanceActionRoutes(app: FastifyInstance, { pod }: NovaContext): void {
  app.get('/servers/:id/os-instance-actions', async (request) => {
    const server = pod.nova.server(param(request, 'id'), callerOf(request));
    const actions = [...(pod.nova.instanceActions.get(server.id) ?? [])].reverse();
    return { instanceActions: actions.map((a) => summary(a, microversionOf(request), pod.now())) };
  });

  app.get('/servers/:id/os-instance-actions/:request', async (request) => {
    const caller = callerOf(request);
    const version = microversionOf(request);
    const server = pod.nova.server(param(request, 'id'), caller);
    const action = pod.nova.instanceActions.get(server.id)?.find((a) => a.requestId === param(request, 'request'));
    if (!action) throw notFound(`Action for request_id ${param(request, 'request')} on instance ${server.id} not found`);
    const view = summary(action, version, pod.now());
    // Non-admins only see events since 2.51, never tracebacks.
    if (caller.isAdmin || atLeast(version, '2.51'))
      view.events = action.events.map((e) => eventView(e, server, caller.isAdmin, version, pod.now()));
    return { instanceAction: view };
  });
}

function eventView(
  e: InstanceAction['events'][number],
  server: ServerRecord,
  isAdmin: boolean,
  version: ApiVersion,
  now: number,
) {
  const done = e.finishAt <= now;
  const view: Record<string, unknown> = {
    event: e.event,
    start_time: isoMicrosNaive(e.startTime),
    finish_time: done ? isoMicrosNaive(e.finishAt) : null,
    result: done ? e.result : null,
  };
  if (isAdmin) view.traceback = null;
  if (atLeast(version, '2.62')) {
    view.hostId = e.host ? hostId({ ...server, host: e.host }) : '';
    if (isAdmin) view.host = e.host ?? '';
  }
  return view;
}
