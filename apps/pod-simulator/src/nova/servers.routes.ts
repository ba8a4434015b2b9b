// /servers of the simulated Nova: create, list (summary and detail), show, update, delete, ips.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { envelope, optionalNullableString, optionalString } from '../http/body';
import { hostUrl, nextLink } from '../http/links';
import { atLeast } from '../http/microversion';
import { badRequest, notFound } from '../http/openstack-error';
import { asQuery } from '../http/query';
import { callerOf, microversionOf } from '../http/request-context';
import { NovaContext, param, viewContext } from './nova-context';
import { createServers } from './server-create';
import { listServers } from './server-list';
import { checkServerAction } from './server-state-machine';
import { startDelete } from './server-tasks';
import { renderServerAfterChange, renderServerDetail, renderServerSummary } from './server-views';

export function registerServerRoutes(app: FastifyInstance, { pod }: NovaContext): void {
  app.post('/servers', async (request, reply) => {
    const caller = callerOf(request);
    const created = createServers(pod, caller, request.body, microversionOf(request), request.id);
    const first = created.servers[0];
    if (!first) throw badRequest('No server created');
    reply.code(202);
    if (created.returnReservationId) return { reservation_id: created.reservationId };
    reply.header('location', `${hostUrl(request)}/compute/v2.1/servers/${first.id}`);
    const view = viewContext(request, pod);
    return {
      server: {
        id: first.id,
        links: renderServerSummary(first, view).links,
        'OS-DCF:diskConfig': first.diskConfig,
        security_groups: first.securityGroups.map((name) => ({ name })),
        adminPass: created.adminPass,
      },
    };
  });

  const list = (detail: boolean) => async (request: FastifyRequest) => {
    const page = listServers(pod, asQuery(request.query), callerOf(request), microversionOf(request));
    const view = viewContext(request, pod);
    const servers = page.items.map((s) => (detail ? renderServerDetail(s, view) : renderServerSummary(s, view)));
    const last = page.items[page.items.length - 1];
    return page.full && last ? { servers, servers_links: [nextLink(request, last.id)] } : { servers };
  };
  app.get('/servers', list(false));
  app.get('/servers/detail', list(true));

  app.get('/servers/:id', async (request) => {
    const server = pod.nova.server(param(request, 'id'), callerOf(request));
    return { server: renderServerDetail(server, viewContext(request, pod), { serverGroups: true }) };
  });

  app.put('/servers/:id', async (request) => {
    const server = pod.nova.server(param(request, 'id'), callerOf(request));
    const version = microversionOf(request);
    const body = envelope(request.body, 'server');
    const name = optionalString(body, 'name');
    if (name !== undefined) {
      if (name.length === 0 || name.trim() !== name) throw badRequest(`Invalid input for field/attribute name. Value: ${name}.`);
      server.name = name;
    }
    if (body.description !== undefined) {
      if (!atLeast(version, '2.19')) throw badRequest("Additional properties are not allowed ('description' was unexpected)");
      server.description = optionalNullableString(body, 'description') ?? null;
    }
    if (body.hostname !== undefined && atLeast(version, '2.90'))
      server.hostname = optionalString(body, 'hostname') ?? server.hostname;
    server.accessIPv4 = optionalString(body, 'accessIPv4') ?? server.accessIPv4;
    server.accessIPv6 = optionalString(body, 'accessIPv6') ?? server.accessIPv6;
    server.updatedAt = pod.now();
    return { server: renderServerAfterChange(server, viewContext(request, pod)) };
  });

  app.delete('/servers/:id', async (request, reply) => {
    const caller = callerOf(request);
    const server = pod.nova.server(param(request, 'id'), caller);
    checkServerAction(server, 'delete', caller.isAdmin);
    startDelete(pod, server, caller, request.id);
    return reply.code(204).send();
  });

  app.get('/servers/:id/ips', async (request) => {
    const server = pod.nova.server(param(request, 'id'), callerOf(request));
    return { addresses: addressesOf(pod, server.id) };
  });

  app.get('/servers/:id/ips/:network', async (request) => {
    const server = pod.nova.server(param(request, 'id'), callerOf(request));
    const network = param(request, 'network');
    const addresses = addressesOf(pod, server.id)[network];
    if (!addresses) throw notFound('Instance is not a member of specified network');
    return { [network]: addresses };
  });
}

function addressesOf(pod: NovaContext['pod'], serverId: string): Record<string, Array<{ version: number; addr: string }>> {
  const result: Record<string, Array<{ version: number; addr: string }>> = {};
  for (const port of pod.network.portsOf(serverId)) {
    const name = pod.network.networks.find((n) => n.id === port.networkId)?.name ?? port.networkId;
    (result[name] ??= []).push({ version: 4, addr: port.ipAddress });
  }
  return result;
}
