// /servers/{id}/metadata of the simulated Nova. Changes need an idle server in
// ACTIVE/PAUSED/SUSPENDED/SHUTOFF (409 otherwise) and count against the metadata_items quota.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isObject, stringMap } from '../http/body';
import { badRequest, notFound } from '../http/openstack-error';
import { callerOf } from '../http/request-context';
import { NovaContext, param } from './nova-context';
import { checkMetadataQuota } from './server-create-checks';
import { checkServerAction } from './server-state-machine';
import { ServerRecord } from './server.model';

const itemNotFound = () => notFound('Metadata item was not found');

export function registerServerMetadataRoutes(app: FastifyInstance, { pod }: NovaContext): void {
  const readable = (request: FastifyRequest): ServerRecord => pod.nova.server(param(request, 'id'), callerOf(request));
  const writable = (request: FastifyRequest): ServerRecord => {
    const server = readable(request);
    checkServerAction(server, 'updateMetadata', callerOf(request).isAdmin);
    return server;
  };
  const save = (server: ServerRecord, metadata: Record<string, string>) => {
    checkMetadataQuota(pod, metadata);
    server.metadata = metadata;
    server.updatedAt = pod.now();
    return { metadata: { ...metadata } };
  };
  const bodyMap = (request: FastifyRequest, key: string) =>
    stringMap(isObject(request.body) ? request.body[key] : undefined, key);

  app.get('/servers/:id/metadata', async (request) => ({ metadata: { ...readable(request).metadata } }));

  // POST merges, PUT replaces: both answer with the resulting metadata.
  app.post('/servers/:id/metadata', async (request) => {
    const server = writable(request);
    return save(server, { ...server.metadata, ...bodyMap(request, 'metadata') });
  });
  app.put('/servers/:id/metadata', async (request) => save(writable(request), bodyMap(request, 'metadata')));

  app.get('/servers/:id/metadata/:key', async (request) => {
    const server = readable(request);
    const key = param(request, 'key');
    if (!(key in server.metadata)) throw itemNotFound();
    return { meta: { [key]: server.metadata[key] } };
  });

  app.put('/servers/:id/metadata/:key', async (request) => {
    const meta = bodyMap(request, 'meta');
    const key = param(request, 'key');
    if (Object.keys(meta).length > 1) throw badRequest('Request body contains too many items');
    if (!(key in meta)) throw badRequest('Request body and URI mismatch');
    const server = writable(request);
    save(server, { ...server.metadata, [key]: meta[key] as string });
    return { meta };
  });

  app.delete('/servers/:id/metadata/:key', async (request, reply) => {
    const server = writable(request);
    const key = param(request, 'key');
    if (!(key in server.metadata)) throw itemNotFound();
    const { [key]: _removed, ...rest } = server.metadata;
    save(server, rest);
    return reply.code(204).send();
  });
}
