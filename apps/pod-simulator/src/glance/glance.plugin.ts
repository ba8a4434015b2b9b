// A tiny Glance v2 under /image of a pod's port (a test double): list, show and delete images.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isoSeconds } from '../clock';
import { SimLog, installErrorHandling } from '../http/app';
import { hostUrl } from '../http/links';
import { keystoneAuthHook } from '../http/keystone-auth';
import { forbidden, notFound } from '../http/openstack-error';
import { paginate, parsePage, sortItems } from '../http/pagination';
import { Query, asQuery, queryOne } from '../http/query';
import { callerOf } from '../http/request-context';
import { KeystoneState } from '../keystone/keystone-state';
import { PodState } from '../pod/pod-state';
import { Image } from './image-store';

function renderImage(i: Image): Record<string, unknown> {
  const active = i.status === 'active';
  return {
    ...i.properties,
    id: i.id,
    name: i.name,
    status: i.status,
    visibility: i.visibility,
    protected: i.protected,
    os_hidden: false,
    owner: i.owner,
    container_format: i.containerFormat,
    disk_format: i.diskFormat,
    min_disk: i.minDisk,
    min_ram: i.minRam,
    size: i.size,
    virtual_size: null,
    checksum: active ? createHash('md5').update(i.id).digest('hex') : null,
    os_hash_algo: active ? 'sha512' : null,
    os_hash_value: active ? createHash('sha512').update(i.id).digest('hex') : null,
    tags: [...i.tags],
    created_at: isoSeconds(i.createdAt),
    updated_at: isoSeconds(i.updatedAt),
    self: `/v2/images/${i.id}`,
    file: `/v2/images/${i.id}/file`,
    schema: '/v2/schemas/image',
  };
}

/** Glance filters by name/status/visibility/owner, and `id=in:a,b` as openstacksdk sends it. */
function matches(i: Image, query: Query): boolean {
  const eq = (key: string, value: string | null) => {
    const wanted = queryOne(query, key);
    if (wanted === undefined) return true;
    const options = wanted.startsWith('in:') ? wanted.slice(3).split(',') : [wanted];
    return value !== null && options.includes(value);
  };
  return eq('name', i.name) && eq('status', i.status) && eq('visibility', i.visibility) && eq('owner', i.owner) && eq('id', i.id);
}

export function glancePlugin(pod: PodState, keystone: KeystoneState, log?: SimLog) {
  return async (app: FastifyInstance): Promise<void> => {
    installErrorHandling(app, 'glance', log);
    app.get('/', async (request, reply) => {
      reply.code(300);
      return { versions: [{ id: 'v2.16', status: 'CURRENT', links: [{ rel: 'self', href: `${hostUrl(request)}/image/v2/` }] }] };
    });
    await app.register(
      async (v2) => {
        v2.addHook(
          'onRequest',
          keystoneAuthHook(keystone.tokens, () => keystone.url),
        );
        registerImageRoutes(v2, pod);
      },
      { prefix: '/v2' },
    );
  };
}

function registerImageRoutes(v2: FastifyInstance, pod: PodState): void {
  const find = (request: FastifyRequest): Image => {
    const caller = callerOf(request);
    const id = (request.params as { id: string }).id;
    const image = pod.images.find(id, caller.projectId, caller.isAdmin);
    if (!image) throw notFound(`No image found with ID ${id}`);
    return image;
  };

  v2.get('/images', async (request) => {
    const caller = callerOf(request);
    const query = asQuery(request.query);
    const visible = pod.images.visibleTo(caller.projectId, caller.isAdmin).filter((i) => matches(i, query));
    const sorted = sortItems(visible, [{ key: 'created_at', dir: 'desc' }], (i) => i.createdAt);
    const page = paginate(sorted, parsePage(query, 1000), () => notFound('Marker not found'));
    const last = page.items[page.items.length - 1];
    const body: Record<string, unknown> = {
      images: page.items.map(renderImage),
      schema: '/v2/schemas/images',
      first: '/v2/images',
    };
    if (page.full && last) body.next = `/v2/images?marker=${last.id}&limit=${page.items.length}`;
    return body;
  });

  v2.get('/images/:id', async (request) => renderImage(find(request)));

  v2.delete('/images/:id', async (request, reply) => {
    const caller = callerOf(request);
    const image = find(request);
    if (!caller.isAdmin && image.owner !== caller.projectId)
      throw forbidden(`You are not authorized to delete image ${image.id}.`);
    pod.images.images.delete(image.id);
    return reply.code(204).send();
  });
}
