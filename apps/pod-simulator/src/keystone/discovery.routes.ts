// Keystone's version documents; keystoneauth reads them before every session.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hostUrl } from '../http/links';

const v3Document = (base: string) => ({
  id: 'v3.14',
  status: 'stable',
  updated: '2020-04-07T00:00:00Z',
  links: [{ rel: 'self', href: `${base}/v3/` }],
  'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }],
});

export function registerDiscoveryRoutes(app: FastifyInstance): void {
  // Keystone answers the unversioned root with 300 Multiple Choices.
  app.get('/', async (request: FastifyRequest, reply) => {
    reply.code(300);
    return { versions: { values: [v3Document(hostUrl(request))] } };
  });
  app.get('/v3', async (request: FastifyRequest) => ({ version: v3Document(hostUrl(request)) }));
}
