// POST /volumes/{id}/action of the simulated Cinder.
import type { FastifyInstance } from 'fastify';
import { actionName } from '../http/body';
import { badRequest } from '../http/openstack-error';
import { callerOf, microversionOf } from '../http/request-context';
import { CinderContext, param } from './cinder-context';
import { VOLUME_ADMIN_ACTIONS } from './volume-admin-actions';
import { ATTACH_ACTIONS } from './volume-attach-actions';
import { VolumeActionHandler, argsOf } from './volume-action.types';

const HANDLERS: Record<string, VolumeActionHandler> = { ...ATTACH_ACTIONS, ...VOLUME_ADMIN_ACTIONS };

export const SUPPORTED_VOLUME_ACTIONS = Object.keys(HANDLERS);

export function registerVolumeActionRoutes(app: FastifyInstance, { pod }: CinderContext): void {
  app.post('/volumes/:id/action', async (request, reply) => {
    const caller = callerOf(request);
    const name = actionName(request.body);
    const volume = pod.cinder.volume(param(request, 'id'), caller.projectId, caller.isAdmin);
    const handler = HANDLERS[name];
    if (!handler) throw badRequest(`There is no such action: ${name}`);
    const args = argsOf((request.body as Record<string, unknown>)[name]);
    const result = handler({ pod, volume, caller, request, version: microversionOf(request), args });
    reply.code(result.status);
    return result.body === undefined ? reply.send() : result.body;
  });
}
