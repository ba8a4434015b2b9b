import type { PodView } from '@podgate/pods';
import { apiLinkBase } from '../../../api/links';
import type { ListedServer } from './server-list.source';
import { serverListAnswer } from './server-list.view';
import { COMPUTE_API } from '../../../api/service-api';

const links = { base: apiLinkBase(COMPUTE_API, 'http://gw'), pairs: [] as [string, string][] };
const item = (id: string): ListedServer => ({
  server: { id, name: `vm-${id}`, status: 'ACTIVE', links: [{ rel: 'self', href: `http://gw/compute/v2.1/servers/${id}` }] },
  pod: {} as PodView,
});

describe('serverListAnswer', () => {
  it('answers /servers with id, name and links only, /servers/detail with the whole server', () => {
    const page = { items: [item('a')], limit: 1000, unknown: [] };
    expect(serverListAnswer('index', page, links)).toEqual({
      servers: [{ id: 'a', name: 'vm-a', links: [{ rel: 'self', href: 'http://gw/compute/v2.1/servers/a' }] }],
    });
    expect(serverListAnswer('detail', page, links)).toEqual({ servers: [item('a').server] });
  });

  it('links the next page as Nova: parameters sorted by name, last values, marker = last id, quote_plus', () => {
    const answer = serverListAnswer(
      'detail',
      { items: [item('a'), item('b')], limit: 2, unknown: [] },
      {
        ...links,
        pairs: [
          ['sort_key', 'display_name'],
          ['limit', '2'],
          ['name', "web 1's"],
          ['marker', 'old'],
          ['limit', '2'],
        ],
      },
    );
    expect(answer.servers_links).toEqual([
      { rel: 'next', href: 'http://gw/compute/v2.1/servers/detail?limit=2&marker=b&name=web+1%27s&sort_key=display_name' },
    ]);
  });

  it('links the next page in the project form when the client used it, a repeated parameter with its greatest value', () => {
    const pairs: [string, string][] = [
      ['sort_key', 'zeta'],
      ['limit', '1'],
      ['sort_key', 'alpha'],
    ];
    const answer = serverListAnswer(
      'index',
      { items: [item('a')], limit: 1, unknown: [] },
      { base: apiLinkBase(COMPUTE_API, 'http://gw', 'f00d'), pairs },
    );
    expect(answer.servers_links).toEqual([
      { rel: 'next', href: 'http://gw/compute/v2.1/f00d/servers?limit=1&sort_key=zeta&marker=a' },
    ]);
  });

  it('links a next page exactly when the page is full, as Nova (even if nothing follows), never for limit 0', () => {
    const next = (items: ListedServer[], limit: number) =>
      serverListAnswer('index', { items, limit, unknown: [] }, links).servers_links as { href: string }[] | undefined;
    expect(next([item('a'), item('b')], 2)?.[0].href).toBe('http://gw/compute/v2.1/servers?marker=b');
    expect(next([item('a')], 2)).toBeUndefined();
    expect(next([], 0)).toBeUndefined();
  });

  it('counts down pods’ UNKNOWN entries in a full page, as Nova counts its down cells’ minimal constructs', () => {
    const unknown = [{ serverId: 'x', projectId: 'p', podId: 'pod', azName: 'az1', createdAt: '2025-01-02T03:04:05.678Z' }];
    const full = serverListAnswer('index', { items: [item('a')], limit: 2, unknown }, links);
    expect(full.servers_links).toEqual([{ rel: 'next', href: 'http://gw/compute/v2.1/servers?marker=a' }]);
    const onlyUnknown = serverListAnswer('detail', { items: [], limit: 1, unknown }, links);
    expect(onlyUnknown.servers_links).toEqual([{ rel: 'next', href: 'http://gw/compute/v2.1/servers/detail?marker=x' }]);
  });

  it('puts down pods’ servers first as Nova’s minimal UNKNOWN constructs', () => {
    const unknown = [{ serverId: 'x', projectId: 'p', podId: 'pod', azName: 'az1', createdAt: '2025-01-02T03:04:05.678Z' }];
    const self = { rel: 'self', href: 'http://gw/compute/v2.1/servers/x' };
    const bookmark = { rel: 'bookmark', href: 'http://gw/compute/servers/x' };
    expect(serverListAnswer('index', { items: [item('a')], limit: 1000, unknown }, links).servers).toEqual([
      { id: 'x', status: 'UNKNOWN', links: [self, bookmark] },
      expect.objectContaining({ id: 'a' }),
    ]);
    expect((serverListAnswer('detail', { items: [], limit: 1000, unknown }, links).servers as unknown[])[0]).toEqual({
      id: 'x',
      status: 'UNKNOWN',
      tenant_id: 'p',
      created: '2025-01-02T03:04:05Z',
      links: [self, bookmark],
    });
  });
});
