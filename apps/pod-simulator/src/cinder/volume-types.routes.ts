// /types of the simulated Cinder: volume types, their extra specs and private-type access.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  actionName,
  envelope,
  isObject,
  optionalBool,
  optionalNullableString,
  optionalString,
  requiredString,
  stringMap,
} from '../http/body';
import { badRequest, conflict, forbidden, notFound } from '../http/openstack-error';
import { asQuery, queryOne } from '../http/query';
import { callerOf } from '../http/request-context';
import { newUuid } from '../ids';
import { CinderContext, param } from './cinder-context';
import { renderVolumeType } from './volume-views';
import { VolumeType } from './volume.model';

export function registerVolumeTypeRoutes(app: FastifyInstance, { pod }: CinderContext): void {
  const admin = (request: FastifyRequest, rule: string) => {
    if (!callerOf(request).isAdmin) throw forbidden(`Policy doesn't allow ${rule} to be performed.`);
  };
  const visible = (request: FastifyRequest): VolumeType => {
    const caller = callerOf(request);
    const id = param(request, 'id');
    return id === 'default' ? pod.cinder.defaultType() : pod.cinder.visibleType(id, caller.projectId, caller.isAdmin);
  };
  const render = (request: FastifyRequest, t: VolumeType) => renderVolumeType(t, callerOf(request).isAdmin);

  app.get('/types', async (request) => {
    const caller = callerOf(request);
    const isPublic = queryOne(asQuery(request.query), 'is_public');
    const types = [...pod.cinder.types.values()].filter((t) => {
      if (!caller.isAdmin) return t.isPublic || t.access.has(caller.projectId);
      if (isPublic === undefined || /^none$/i.test(isPublic)) return true;
      return t.isPublic === /^(1|t|true|yes|on)$/i.test(isPublic);
    });
    return { volume_types: types.map((t) => render(request, t)) };
  });

  app.get('/types/:id', async (request) => ({ volume_type: render(request, visible(request)) }));

  app.post('/types', async (request) => {
    admin(request, 'volume_extension:types_manage');
    const body = envelope(request.body, 'volume_type');
    const name = requiredString(body, 'name');
    if (pod.cinder.typeByNameOrId(name)) throw conflict(`Volume Type ${name} already exists.`);
    const type: VolumeType = {
      id: newUuid(),
      name,
      description: optionalNullableString(body, 'description') ?? null,
      isPublic: optionalBool(body, 'os-volume-type-access:is_public') ?? true,
      extraSpecs: body.extra_specs === undefined ? {} : stringMap(body.extra_specs, 'extra_specs'),
      access: new Set(),
    };
    pod.cinder.types.set(type.id, type);
    return { volume_type: render(request, type) };
  });

  app.put('/types/:id', async (request) => {
    admin(request, 'volume_extension:types_manage');
    const type = visible(request);
    const body = envelope(request.body, 'volume_type');
    const name = optionalString(body, 'name');
    if (name !== undefined) type.name = name;
    if (body.description !== undefined) type.description = optionalNullableString(body, 'description') ?? null;
    const isPublic = optionalBool(body, 'is_public');
    if (isPublic !== undefined) type.isPublic = isPublic;
    return { volume_type: render(request, type) };
  });

  app.delete('/types/:id', async (request, reply) => {
    admin(request, 'volume_extension:types_manage');
    const type = visible(request);
    if ([...pod.cinder.volumes.values()].some((v) => v.volumeTypeId === type.id))
      throw badRequest('Target volume type is still in use.');
    if (type.id === pod.cinder.defaultType().id)
      throw badRequest('Target volume type is the default volume type and cannot be deleted.');
    pod.cinder.types.delete(type.id);
    return reply.code(202).send();
  });

  registerExtraSpecRoutes(app, visible, admin);

  app.get('/types/:id/os-volume-type-access', async (request) => {
    admin(request, 'volume_extension:volume_type_access');
    const type = visible(request);
    if (type.isPublic) throw notFound('Access list not available for public volume types.');
    return { volume_type_access: [...type.access].map((project) => ({ volume_type_id: type.id, project_id: project })) };
  });

  app.post('/types/:id/action', async (request, reply) => {
    const name = actionName(request.body);
    if (name !== 'addProjectAccess' && name !== 'removeProjectAccess') throw badRequest(`There is no such action: ${name}`);
    admin(
      request,
      `volume_extension:volume_type_access:${name === 'addProjectAccess' ? 'addProjectAccess' : 'removeProjectAccess'}`,
    );
    const type = visible(request);
    const project = requiredString(envelope(request.body, name), 'project');
    if (type.isPublic) throw badRequest('Invalid volume type: Type access modification is not applicable to public volume type.');
    if (name === 'addProjectAccess') {
      if (type.access.has(project)) throw conflict(`Volume type access for ${type.id} / ${project} combination already exists.`);
      type.access.add(project);
    } else if (!type.access.delete(project)) {
      throw notFound(`Volume type access not found for ${type.id} / ${project} combination.`);
    }
    return reply.code(202).send();
  });
}

function registerExtraSpecRoutes(
  app: FastifyInstance,
  visible: (r: FastifyRequest) => VolumeType,
  admin: (r: FastifyRequest, rule: string) => void,
): void {
  const rule = 'volume_extension:types_extra_specs';
  const keyOf = (request: FastifyRequest, type: VolumeType) => {
    const key = param(request, 'key');
    if (!(key in type.extraSpecs)) throw notFound(`Volume Type ${type.id} has no extra specs with key ${key}.`);
    return key;
  };
  app.get('/types/:id/extra_specs', async (request) => ({ extra_specs: { ...visible(request).extraSpecs } }));
  app.post('/types/:id/extra_specs', async (request) => {
    admin(request, `${rule}:create`);
    const specs = stringMap(isObject(request.body) ? request.body.extra_specs : undefined, 'extra_specs');
    Object.assign(visible(request).extraSpecs, specs);
    return { extra_specs: specs };
  });
  app.get('/types/:id/extra_specs/:key', async (request) => {
    const type = visible(request);
    const key = keyOf(request, type);
    return { [key]: type.extraSpecs[key] };
  });
  app.put('/types/:id/extra_specs/:key', async (request) => {
    admin(request, `${rule}:update`);
    const body = stringMap(request.body, 'extra_specs');
    const key = param(request, 'key');
    if (Object.keys(body).length > 1) throw badRequest('Request body contains too many items');
    if (!(key in body)) throw badRequest('Request body and URI mismatch');
    visible(request).extraSpecs[key] = body[key] as string;
    return { [key]: body[key] };
  });
  app.delete('/types/:id/extra_specs/:key', async (request, reply) => {
    admin(request, `${rule}:delete`);
    const type = visible(request);
    delete type.extraSpecs[keyOf(request, type)];
    return reply.code(202).send();
  });
}
