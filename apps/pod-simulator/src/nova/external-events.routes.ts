// os-server-external-events of the simulated Nova (admin; what Neutron and Cinder send to Nova).
import type { FastifyInstance } from 'fastify';
import { isObject } from '../http/body';
import { atLeast } from '../http/microversion';
import { badRequest, notFound } from '../http/openstack-error';
import { microversionOf } from '../http/request-context';
import { requireComputeAdmin } from './flavors.routes';
import { NovaContext } from './nova-context';

const EVENT_SINCE: Record<string, string> = {
  'network-changed': '2.1',
  'network-vif-plugged': '2.1',
  'network-vif-unplugged': '2.1',
  'network-vif-deleted': '2.1',
  'volume-extended': '2.51',
  'power-update': '2.76',
  'accelerator-request-bound': '2.82',
  'volume-reimaged': '2.93',
};

export function registerExternalEventRoutes(app: FastifyInstance, { pod }: NovaContext): void {
  app.post('/os-server-external-events', async (request, reply) => {
    requireComputeAdmin(request, 'os_compute_api:os-server-external-events:create');
    const version = microversionOf(request);
    const events = isObject(request.body) ? request.body.events : undefined;
    if (!Array.isArray(events) || events.length === 0)
      throw badRequest("Invalid input for field/attribute events. Value: None. 'events' is a required property");
    const results = events.map((raw) => {
      if (!isObject(raw) || typeof raw.name !== 'string' || typeof raw.server_uuid !== 'string')
        throw badRequest('Invalid input for field/attribute events.');
      const since = EVENT_SINCE[raw.name];
      if (!since || !atLeast(version, since)) throw badRequest(`Invalid input for field/attribute name. Value: ${raw.name}.`);
      const server = pod.nova.servers.get(raw.server_uuid);
      const status = typeof raw.status === 'string' ? raw.status : 'completed';
      // Nova answers per event: 404 for unknown servers, 422 for servers without a host yet.
      const code = !server ? 404 : !server.host ? 422 : 200;
      return { ...raw, status: code === 200 ? status : 'failed', code };
    });
    if (results.every((r) => r.code === 404)) throw notFound('No instances found for any event');
    // 207 Multi-Status when only some events could be delivered.
    reply.code(results.every((r) => r.code === 200) ? 200 : 207);
    return { events: results };
  });
}
