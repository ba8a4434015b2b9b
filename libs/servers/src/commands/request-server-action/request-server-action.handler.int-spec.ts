import { PodUnreachableError } from '@podgate/openstack';
import { ServerNotFoundError } from '../../domain/server.errors';
import { serverStream } from '../../domain/server.stream';
import {
  createServerInput,
  openServersTestBed,
  type ServersTestBed,
  statusOnPod,
  type Tenant,
} from '../../testing/servers-test-bed';
import { CreateServerCommand } from '../create-server/create-server.command';
import { RequestServerActionCommand } from './request-server-action.command';

describe('RequestServerAction (PGlite, pod simulator)', () => {
  let bed: ServersTestBed;
  let alice: Tenant;

  beforeAll(async () => {
    bed = await openServersTestBed();
    alice = bed.tenant('alice');
  });
  afterAll(() => bed?.close());

  const createFor = async (tenant: Tenant, azName = 'az1') => {
    const created = await bed
      .handlers()
      .create.execute(new CreateServerCommand(createServerInput(tenant, {}, { azName }), tenant.context()));
    return created.serverIds[0];
  };
  const act = (tenant: Tenant, serverId: string, action: string, context = tenant.context(), handlers = bed.handlers()) =>
    handlers.action.execute(
      new RequestServerActionCommand(
        serverId,
        action,
        { method: 'POST', path: `/servers/${serverId}/action`, token: tenant.token, body: { [action]: null } },
        context,
      ),
    );
  const typesOf = async (serverId: string) => (await bed.history(serverStream(serverId))).map((e) => e.type);

  it('records the request and the pod’s answer around the forward', async () => {
    const serverId = await createFor(alice);
    const response = await act(alice, serverId, 'os-stop');
    expect(response.status).toBe(202);
    expect(await statusOnPod(bed, bed.pods[0], alice, serverId)).toBe('SHUTOFF');
    const history = await bed.history(serverStream(serverId));
    expect(history.slice(2)).toEqual([
      expect.objectContaining({
        type: 'ServerActionRequested',
        serverId,
        podId: bed.pods[0].podId,
        projectId: alice.projectId,
        action: 'os-stop',
      }),
      expect.objectContaining({
        type: 'ServerActionSucceeded',
        serverId,
        projectId: alice.projectId,
        status: 202,
        actionId: history[2].actionId,
      }),
    ]);
  });

  it('records the pod’s refusal and hands its answer back', async () => {
    const serverId = await createFor(alice);
    await act(alice, serverId, 'os-stop');
    const response = await act(alice, serverId, 'pause');
    expect(response.status).toBe(409);
    expect((await bed.history(serverStream(serverId))).at(-1)).toMatchObject({
      type: 'ServerActionFailed',
      status: 409,
      message: `Cannot 'pause' instance ${serverId} while it is in vm_state stopped`,
    });
  });

  it('writes nothing twice when the same request runs again: the first outcome stands', async () => {
    const serverId = await createFor(alice);
    const context = alice.context();
    expect((await act(alice, serverId, 'os-stop', context)).status).toBe(202);
    expect((await act(alice, serverId, 'os-stop', context)).status).toBe(409); // forwarded again; the pod says stopped
    expect(await typesOf(serverId)).toEqual([
      'ServerCreated',
      'ResourceRouted',
      'ServerActionRequested',
      'ServerActionSucceeded',
    ]);
  });

  it('answers 404 for another tenant’s server and an unknown one, recording and forwarding nothing', async () => {
    const serverId = await createFor(alice);
    const bob = bed.tenant('bob');
    await expect(act(bob, serverId, 'os-stop')).rejects.toBeInstanceOf(ServerNotFoundError);
    await expect(act(alice, 'no-such-server', 'os-stop')).rejects.toThrow('Instance no-such-server could not be found.');
    expect(await statusOnPod(bed, bed.pods[0], alice, serverId)).toBe('ACTIVE');
    expect(await typesOf(serverId)).toEqual(['ServerCreated', 'ResourceRouted']);
    expect(await bed.history(serverStream('no-such-server'))).toEqual([]);
    expect((await act(bed.tenant('admin'), serverId, 'os-stop')).status).toBe(202); // an admin reaches any tenant's
  });

  it('reads its own writes: finds a server rm_routings does not show yet, from its stream', async () => {
    const resume = await bed.pauseRoutings();
    try {
      const serverId = await createFor(alice);
      const fresh = bed.handlers(); // another process: nothing in its memory
      const { rows } = await bed.sql.query('SELECT 1 FROM rm_routings WHERE top_id = $1', [serverId]);
      expect(rows).toEqual([]);
      expect((await act(alice, serverId, 'os-stop', alice.context(), fresh)).status).toBe(202);
      await expect(act(bed.tenant('bob'), serverId, 'os-start', undefined, bed.handlers())).rejects.toBeInstanceOf(
        ServerNotFoundError,
      );
    } finally {
      resume();
    }
  });

  it('records an unreachable pod as a 503 failure, then answers PodUnreachableError', async () => {
    const bob = bed.tenant('bob');
    const serverId = await createFor(bob, 'az2');
    await bed.pods[1].sim.down();
    try {
      await expect(act(bob, serverId, 'reboot')).rejects.toBeInstanceOf(PodUnreachableError);
    } finally {
      await bed.pods[1].sim.up();
    }
    expect((await bed.history(serverStream(serverId))).slice(2)).toEqual([
      expect.objectContaining({ type: 'ServerActionRequested', action: 'reboot' }),
      expect.objectContaining({ type: 'ServerActionFailed', status: 503, message: expect.stringContaining('unreachable') }),
    ]);
  });
});
