// Nova's version documents (unauthenticated, as in Nova's api-paste pipeline).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hostUrl } from '../http/links';
import { formatVersion } from '../http/microversion';
import { PodState } from '../pod/pod-state';

function v21(request: FastifyRequest, pod: PodState) {
  return {
    id: 'v2.1',
    status: 'CURRENT',
    version: formatVersion(pod.config.compute.max),
    min_version: formatVersion(pod.config.compute.min),
    updated: '2013-07-23T11:33:21Z',
    links: [
      { rel: 'self', href: `${hostUrl(request)}/compute/v2.1/` },
      { rel: 'describedby', type: 'text/html', href: 'http://docs.openstack.org/' },
    ],
    'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.compute+json;version=2.1' }],
  };
}

/** Registered on the `/compute` prefix, outside the authenticated v2.1 scope. */
export function registerComputeVersionRoutes(app: FastifyInstance, pod: PodState): void {
  app.get('/', async (request) => {
    const { 'media-types': _media, ...summary } = v21(request, pod);
    return { versions: [{ ...summary, links: [summary.links[0]] }] };
  });
  app.get('/v2.1', async (request) => ({ version: v21(request, pod) }));
}
