// /servers/{id}/tags of the simulated Nova (microversion 2.26+).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isObject } from '../http/body';
import { hostUrl } from '../http/links';
import { atLeast } from '../http/microversion';
import { badRequest, notFound } from '../http/openstack-error';
import { callerOf, microversionOf } from '../http/request-context';
import { NovaContext, param } from './nova-context';
import { MAX_TAGS, validateTag, validateTags } from './server-tags';
import { ServerRecord } from './server.model';

export function registerServerTagRoutes(app: FastifyInstance, { pod }: NovaContext): void {
  const server = (request: FastifyRequest): ServerRecord => {
    // Routes that do not exist at the negotiated version are a plain 404 in Nova.
    if (!atLeast(microversionOf(request), '2.26')) throw notFound('The resource could not be found.');
    return pod.nova.server(param(request, 'id'), callerOf(request));
  };
  const touch = (s: ServerRecord) => {
    s.updatedAt = pod.now();
  };

  app.get('/servers/:id/tags', async (request) => ({ tags: [...server(request).tags] }));

  app.put('/servers/:id/tags', async (request) => {
    const s = server(request);
    s.tags = validateTags(isObject(request.body) ? request.body.tags : undefined);
    touch(s);
    return { tags: [...s.tags] };
  });

  app.delete('/servers/:id/tags', async (request, reply) => {
    const s = server(request);
    s.tags = [];
    touch(s);
    return reply.code(204).send();
  });

  app.get('/servers/:id/tags/:tag', async (request, reply) => {
    const tag = param(request, 'tag');
    if (!server(request).tags.includes(tag)) throw notFound(`Tag ${tag} could not be found.`);
    return reply.code(204).send();
  });

  app.put('/servers/:id/tags/:tag', async (request, reply) => {
    const s = server(request);
    const tag = validateTag(param(request, 'tag'));
    reply.header('location', `${hostUrl(request)}/compute/v2.1/servers/${s.id}/tags/${encodeURIComponent(tag)}`);
    if (s.tags.includes(tag)) return reply.code(204).send();
    if (s.tags.length >= MAX_TAGS) throw badRequest(`The number of tags exceeded the per-server limit ${MAX_TAGS}`);
    s.tags.push(tag);
    touch(s);
    return reply.code(201).send();
  });

  app.delete('/servers/:id/tags/:tag', async (request, reply) => {
    const s = server(request);
    const tag = param(request, 'tag');
    if (!s.tags.includes(tag)) throw notFound(`Tag ${tag} could not be found.`);
    s.tags = s.tags.filter((t) => t !== tag);
    touch(s);
    return reply.code(204).send();
  });
}
