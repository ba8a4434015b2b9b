// Flavor extra specs (os-extra_specs) and private-flavor access (os-flavor-access and the
// addTenantAccess/removeTenantAccess actions) of the simulated Nova.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actionName, envelope, isObject, requiredString, stringMap } from '../http/body';
import { badRequest, conflict, notFound } from '../http/openstack-error';
import { callerOf } from '../http/request-context';
import { Flavor } from './flavor-store';
import { requireComputeAdmin } from './flavors.routes';
import { NovaContext, param } from './nova-context';

const accessList = (f: Flavor) => ({ flavor_access: [...f.access].map((tenant) => ({ flavor_id: f.id, tenant_id: tenant })) });

export function registerFlavorExtraRoutes(app: FastifyInstance, { pod }: NovaContext): void {
  const visible = (request: FastifyRequest): Flavor => {
    const caller = callerOf(request);
    return pod.nova.flavors.visible(param(request, 'id'), caller.projectId, caller.isAdmin);
  };
  const specRule = (verb: string) => `os_compute_api:os-flavor-extra-specs:${verb}`;

  app.get('/flavors/:id/os-extra_specs', async (request) => ({ extra_specs: { ...visible(request).extraSpecs } }));

  app.post('/flavors/:id/os-extra_specs', async (request) => {
    requireComputeAdmin(request, specRule('create'));
    const flavor = visible(request);
    const specs = stringMap(isObject(request.body) ? request.body.extra_specs : undefined, 'extra_specs');
    Object.assign(flavor.extraSpecs, specs);
    return { extra_specs: specs };
  });

  app.get('/flavors/:id/os-extra_specs/:key', async (request) => {
    const flavor = visible(request);
    const key = param(request, 'key');
    if (!(key in flavor.extraSpecs)) throw notFound(`Flavor ${flavor.id} has no extra specs with key ${key}.`);
    return { [key]: flavor.extraSpecs[key] };
  });

  app.put('/flavors/:id/os-extra_specs/:key', async (request) => {
    requireComputeAdmin(request, specRule('update'));
    const flavor = visible(request);
    const key = param(request, 'key');
    const body = stringMap(request.body, 'extra_specs');
    if (Object.keys(body).length > 1) throw badRequest('Request body contains too many items');
    if (!(key in body)) throw badRequest('Request body and URI mismatch');
    flavor.extraSpecs[key] = body[key] as string;
    return { [key]: body[key] };
  });

  app.delete('/flavors/:id/os-extra_specs/:key', async (request, reply) => {
    requireComputeAdmin(request, specRule('delete'));
    const flavor = visible(request);
    const key = param(request, 'key');
    if (!(key in flavor.extraSpecs)) throw notFound(`Flavor ${flavor.id} has no extra specs with key ${key}.`);
    delete flavor.extraSpecs[key];
    return reply.code(202).send();
  });

  app.get('/flavors/:id/os-flavor-access', async (request) => {
    requireComputeAdmin(request, 'os_compute_api:os-flavor-access');
    const flavor = visible(request);
    if (flavor.isPublic) throw notFound('Access list not available for public flavors.');
    return accessList(flavor);
  });

  app.post('/flavors/:id/action', async (request) => {
    const name = actionName(request.body);
    if (name !== 'addTenantAccess' && name !== 'removeTenantAccess') throw badRequest(`There is no such action: ${name}`);
    requireComputeAdmin(
      request,
      `os_compute_api:os-flavor-access:${name === 'addTenantAccess' ? 'add_tenant_access' : 'remove_tenant_access'}`,
    );
    const flavor = visible(request);
    const tenant = requiredString(envelope(request.body, name), 'tenant');
    if (name === 'addTenantAccess') {
      if (flavor.isPublic) throw conflict('Can not add access to a public flavor.');
      if (flavor.access.has(tenant))
        throw conflict(`Flavor access already exists for flavor ${flavor.id} and project ${tenant} combination.`);
      flavor.access.add(tenant);
    } else if (!flavor.access.delete(tenant)) {
      throw notFound(`Flavor access not found for ${flavor.id} / ${tenant} combination.`);
    }
    return accessList(flavor);
  });
}
