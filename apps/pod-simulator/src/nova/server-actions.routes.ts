// POST /servers/{id}/action of the simulated Nova: one body key names the action.
import type { FastifyInstance } from 'fastify';
import { actionName } from '../http/body';
import { callerOf, microversionOf } from '../http/request-context';
import { NovaContext, param } from './nova-context';
import { ADMIN_ACTIONS } from './server-admin-actions';
import { ActionHandler, noSuchAction } from './server-action.types';
import { LIFECYCLE_ACTIONS } from './server-lifecycle-actions';
import { POWER_ACTIONS } from './server-power-actions';

const HANDLERS: Record<string, ActionHandler> = { ...POWER_ACTIONS, ...LIFECYCLE_ACTIONS, ...ADMIN_ACTIONS };

export const SUPPORTED_SERVER_ACTIONS = Object.keys(HANDLERS);

export function registerServerActionRoutes(app: FastifyInstance, { pod }: NovaContext): void {
  app.post('/servers/:id/action', async (request, reply) => {
    const caller = callerOf(request);
    const name = actionName(request.body);
    const handler = HANDLERS[name];
    // Look the server up first: an unknown server is a 404 whatever the action.
    const server = pod.nova.server(param(request, 'id'), caller);
    if (!handler) throw noSuchAction(name);
    const args = (request.body as Record<string, unknown>)[name];
    const result = handler({ pod, server, caller, request, version: microversionOf(request), args });
    reply.code(result.status);
    for (const [key, value] of Object.entries(result.headers ?? {})) reply.header(key, value);
    return result.body === undefined ? reply.send() : result.body;
  });
}
