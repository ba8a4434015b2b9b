import { type ForwardRequest, KeystoneClient } from '@podgate/openstack';
import { serverStream } from '../../domain/server.stream';
import { createServerInput, openServersTestBed, type ServersTestBed, type Tenant } from '../../testing/servers-test-bed';
import { CreateServerCommand } from '../create-server/create-server.command';
import { DeleteServerCommand } from './delete-server.command';

describe('DeletionConfirmer (PGlite, pod simulator)', () => {
  let bed: ServersTestBed;
  let alice: Tenant;
  /** The GETs the confirmers sent, by server id, with the token used. */
  let asked: { serverId: string; token: string }[];

  // Pod2 takes ten minutes to delete a server: its deletions stay unconfirmed.
  beforeAll(async () => {
    bed = await openServersTestBed([{ az: 'pod-az1' }, { az: 'pod-az2', delays: { actionMs: 600_000 } }]);
    alice = bed.tenant('alice');
  });
  afterAll(() => bed?.close());
  beforeEach(() => (asked = []));

  const counting = {
    forward: (request: ForwardRequest) => {
      const id = /^\/servers\/([^/]+)$/.exec(request.path)?.[1];
      if (request.method === 'GET' && id) asked.push({ serverId: decodeURIComponent(id), token: request.token ?? '' });
      return bed.proxy.forward(request);
    },
  };
  const createIn = async (azName: string) =>
    (await bed.handlers().create.execute(new CreateServerCommand(createServerInput(alice, {}, { azName }), alice.context())))
      .serverIds[0];
  const remove = (handlers: ReturnType<ServersTestBed['handlers']>, serverId: string) =>
    handlers.remove.execute(
      new DeleteServerCommand(serverId, { method: 'DELETE', path: `/servers/${serverId}`, token: alice.token }, alice.context()),
    );
  const typesOf = async (serverId: string) => (await bed.history(serverStream(serverId))).map((e) => e.type);

  it('asks again with the caller’s token before taking a 404 to the service token as gone (Nova’s project_only)', async () => {
    // A service user without the admin role, in another project: Nova hides alice's servers from it.
    const hidden = new KeystoneClient({
      url: bed.sim.authUrl,
      service: {
        username: 'bob',
        password: 'bob-secret',
        projectName: 'tenant-b',
        userDomainName: 'Default',
        projectDomainName: 'Default',
      },
      endpointInterface: 'public',
      tokenCacheSeconds: 60,
    });
    const handlers = bed.handlers(
      { deleteConfirmIntervalMs: 20, deleteConfirmTimeoutMs: 300 },
      { proxy: counting, keystone: hidden },
    );
    const deleting = await createIn('az2'); // still on the pod, deleting, for ten minutes
    expect((await remove(handlers, deleting)).status).toBe(204);
    await handlers.confirmer.settled();
    expect(await typesOf(deleting)).toEqual(['ServerCreated', 'ResourceRouted', 'ServerDeleteRequested']);
    const tokens = asked.filter((a) => a.serverId === deleting).map((a) => (a.token === alice.token ? 'caller' : 'service'));
    expect(tokens[0]).toBe('service');
    expect(tokens[1]).toBe('caller'); // at once, not an interval later

    const gone = await createIn('az1'); // deleted at once
    expect((await remove(handlers, gone)).status).toBe(204);
    await handlers.confirmer.settled();
    expect(await typesOf(gone)).toEqual([
      'ServerCreated',
      'ResourceRouted',
      'ServerDeleteRequested',
      'ServerDeleted',
      'ResourceUnrouted',
    ]);
  });

  it('is bounded: a capped set per pod, the oldest dropped first, and a growing interval per server', async () => {
    const handlers = bed.handlers(
      { deleteConfirmIntervalMs: 20, deleteConfirmMaxIntervalMs: 80, deleteConfirmTimeoutMs: 700, deleteConfirmMaxPending: 2 },
      { proxy: counting },
    );
    const servers = [await createIn('az2'), await createIn('az2'), await createIn('az2')];
    for (const serverId of servers) expect((await remove(handlers, serverId)).status).toBe(204);
    expect(handlers.confirmer.pending(bed.pods[1].podId)).toBe(2);
    expect(handlers.confirmer.pending()).toBe(2);
    await handlers.confirmer.settled();
    expect(handlers.confirmer.pending()).toBe(0);
    const asks = servers.map((serverId) => asked.filter((a) => a.serverId === serverId).length);
    expect(asks[0]).toBeLessThanOrEqual(2); // dropped when the third came: the pod's set was full
    // 20, 40, 80, 80, ... ms within 700 ms: about 10 asks each, where a fixed 20 ms would make 35
    for (const count of asks.slice(1)) expect(count).toBeGreaterThanOrEqual(3);
    for (const count of asks.slice(1)) expect(count).toBeLessThanOrEqual(14);
    for (const serverId of servers)
      expect(await typesOf(serverId)).toEqual(['ServerCreated', 'ResourceRouted', 'ServerDeleteRequested']);
  });
});
