import { apiLinkBase } from '../../api/links';
import { parseApiVersion } from '../../api/microversion';
import { downPodServerBody } from './down-pod-server.view';
import { COMPUTE_API } from '../../api/service-api';

const roots = apiLinkBase(COMPUTE_API, 'http://gw');
const facts = { serverId: 's1', projectId: 'p1', azName: 'az2', createdAt: '2025-01-02T03:04:05.678Z' };

describe('downPodServerBody', () => {
  it('is Nova’s _show_from_down_cell in its key order, created in whole seconds', () => {
    const { server } = downPodServerBody(facts, parseApiVersion('2.69'), roots) as { server: Record<string, unknown> };
    expect(JSON.stringify(server)).toBe(
      JSON.stringify({
        id: 's1',
        status: 'UNKNOWN',
        tenant_id: 'p1',
        created: '2025-01-02T03:04:05Z',
        links: [
          { rel: 'self', href: 'http://gw/compute/v2.1/servers/s1' },
          { rel: 'bookmark', href: 'http://gw/compute/servers/s1' },
        ],
        image: '',
        flavor: {},
        'OS-EXT-AZ:availability_zone': 'az2',
        'OS-EXT-STS:power_state': 0,
        user_id: 'UNKNOWN',
      }),
    );
  });

  it('adds server_groups from 2.71 and leaves created out while the route is not projected', () => {
    const { server } = downPodServerBody({ ...facts, createdAt: undefined }, parseApiVersion('2.71'), roots) as {
      server: Record<string, unknown>;
    };
    expect(server).not.toHaveProperty('created');
    expect(server.server_groups).toEqual([]);
  });
});
