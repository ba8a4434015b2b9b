// Cinder's version documents (unauthenticated).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hostUrl } from '../http/links';
import { formatVersion } from '../http/microversion';
import { PodState } from '../pod/pod-state';

function v3(request: FastifyRequest, pod: PodState) {
  return {
    id: 'v3.0',
    status: 'CURRENT',
    version: formatVersion(pod.config.volume.max),
    min_version: formatVersion(pod.config.volume.min),
    updated: '2023-08-31T00:00:00Z',
    links: [
      { rel: 'describedby', type: 'text/html', href: 'https://docs.openstack.org/' },
      { rel: 'self', href: `${hostUrl(request)}/volume/v3/` },
    ],
    'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.volume+json;version=3' }],
  };
}

export function registerVolumeVersionRoutes(app: FastifyInstance, pod: PodState): void {
  // Cinder answers the root with 300 Multiple Choices, like Keystone.
  app.get('/', async (request, reply) => {
    reply.code(300);
    return { versions: [v3(request, pod)] };
  });
  app.get('/v3', async (request) => ({ version: v3(request, pod) }));
}
