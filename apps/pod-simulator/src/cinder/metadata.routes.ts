// Cinder-style metadata routes, shared by volumes and snapshots: GET/POST/PUT on the collection,
// GET/PUT/DELETE per key.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isObject, stringMap } from '../http/body';
import { badRequest, notFound } from '../http/openstack-error';
import { param } from './cinder-context';

export interface HasMetadata {
  id: string;
  metadata: Record<string, string>;
  updatedAt: number;
}

export interface MetadataRouteOptions {
  /** `/volumes/:id` or `/snapshots/:id`. */
  path: string;
  /** "Volume" or "Snapshot", for Cinder's not-found message. */
  noun: string;
  find: (request: FastifyRequest) => HasMetadata;
  now: () => number;
}

export function registerMetadataRoutes(app: FastifyInstance, options: MetadataRouteOptions): void {
  const { path, noun, find, now } = options;
  const bodyMap = (request: FastifyRequest, key: string) =>
    stringMap(isObject(request.body) ? request.body[key] : undefined, key);
  const save = (item: HasMetadata, metadata: Record<string, string>) => {
    item.metadata = metadata;
    item.updatedAt = now();
    return { metadata: { ...metadata } };
  };
  const keyOf = (request: FastifyRequest, item: HasMetadata) => {
    const key = param(request, 'key');
    if (!(key in item.metadata)) throw notFound(`${noun} ${item.id} has no metadata with key ${key}.`);
    return key;
  };

  app.get(`${path}/metadata`, async (request) => ({ metadata: { ...find(request).metadata } }));
  app.post(`${path}/metadata`, async (request) => {
    const item = find(request);
    return save(item, { ...item.metadata, ...bodyMap(request, 'metadata') });
  });
  app.put(`${path}/metadata`, async (request) => save(find(request), bodyMap(request, 'metadata')));

  app.get(`${path}/metadata/:key`, async (request) => {
    const item = find(request);
    const key = keyOf(request, item);
    return { meta: { [key]: item.metadata[key] } };
  });

  app.put(`${path}/metadata/:key`, async (request) => {
    const meta = bodyMap(request, 'meta');
    const key = param(request, 'key');
    if (Object.keys(meta).length > 1) throw badRequest('Request body contains too many items');
    if (!(key in meta)) throw badRequest('Request body and URI mismatch');
    const item = find(request);
    save(item, { ...item.metadata, [key]: meta[key] as string });
    return { meta };
  });

  app.delete(`${path}/metadata/:key`, async (request, reply) => {
    const item = find(request);
    const { [keyOf(request, item)]: _removed, ...rest } = item.metadata;
    save(item, rest);
    return reply.code(200).send();
  });
}
