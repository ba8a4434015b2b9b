import { type ForwardRequest, PodUnreachableError } from '@podgate/openstack';
import { ServerNotFoundError } from '../../domain/server.errors';
import { serverDeleteIdFor, serverStream } from '../../domain/server.stream';
import {
  createServerInput,
  openServersTestBed,
  type ServersTestBed,
  statusOnPod,
  type Tenant,
} from '../../testing/servers-test-bed';
import { CreateServerCommand } from '../create-server/create-server.command';
import { RecordServerGoneCommand } from '../record-server-gone/record-server-gone.command';
import { RequestServerActionCommand } from '../request-server-action/request-server-action.command';
import { DeleteServerCommand } from './delete-server.command';

describe('DeleteServer and RecordServerGone (PGlite, pod simulator)', () => {
  let bed: ServersTestBed;
  let alice: Tenant;

  // Pod2 takes ten minutes to delete a server: its deletions stay unconfirmed.
  beforeAll(async () => {
    bed = await openServersTestBed([{ az: 'pod-az1' }, { az: 'pod-az2', delays: { actionMs: 600_000 } }]);
    alice = bed.tenant('alice');
  });
  afterAll(() => bed?.close());

  const createIn = async (azName: string, handlers = bed.handlers()) =>
    (await handlers.create.execute(new CreateServerCommand(createServerInput(alice, {}, { azName }), alice.context())))
      .serverIds[0];
  const deleteCommand = (serverId: string, tenant = alice, context = tenant.context()) =>
    new DeleteServerCommand(serverId, { method: 'DELETE', path: `/servers/${serverId}`, token: tenant.token }, context);
  const typesOf = async (serverId: string) => (await bed.history(serverStream(serverId))).map((e) => e.type);

  it('records the request, answers the pod’s 204, and unroutes the server once the pod no longer has it', async () => {
    const handlers = bed.handlers();
    const serverId = await createIn('az1', handlers);
    const response = await handlers.remove.execute(deleteCommand(serverId));
    expect(response.status).toBe(204);
    await handlers.confirmer.settled();
    const history = await bed.history(serverStream(serverId));
    expect(history.map((e) => e.type)).toEqual([
      'ServerCreated',
      'ResourceRouted',
      'ServerDeleteRequested',
      'ServerDeleted',
      'ResourceUnrouted',
    ]);
    expect(history[3]).toMatchObject({ deleteId: history[2].deleteId, podId: bed.pods[0].podId });
    await bed.caughtUp();
    expect((await bed.sql.query('SELECT 1 FROM rm_routings WHERE top_id = $1', [serverId])).rows).toEqual([]);
    await expect(handlers.routes.locate(serverId, alice.projectId)).rejects.toBeInstanceOf(ServerNotFoundError);
    await expect(bed.handlers().routes.locate(serverId, null)).rejects.toBeInstanceOf(ServerNotFoundError);
  });

  it('records the deletion at once when the pod already had no such server', async () => {
    const handlers = bed.handlers();
    const serverId = await createIn('az1', handlers);
    bed.pods[0].sim.state.nova.servers.delete(serverId); // deleted on the pod directly
    const response = await handlers.remove.execute(deleteCommand(serverId));
    expect(response.status).toBe(404);
    expect(await typesOf(serverId)).toEqual([
      'ServerCreated',
      'ResourceRouted',
      'ServerDeleteRequested',
      'ServerDeleted',
      'ResourceUnrouted',
    ]);
  });

  it('refuses another tenant’s server without recording or forwarding anything', async () => {
    const serverId = await createIn('az1');
    await expect(bed.handlers().remove.execute(deleteCommand(serverId, bed.tenant('bob')))).rejects.toBeInstanceOf(
      ServerNotFoundError,
    );
    expect(await typesOf(serverId)).toEqual(['ServerCreated', 'ResourceRouted']);
    expect(bed.pods[0].sim.state.nova.servers.has(serverId)).toBe(true);
  });

  it('records a refusal (locked: 409) as ServerDeleteFailed and keeps the route', async () => {
    const handlers = bed.handlers();
    const serverId = await createIn('az1', handlers);
    const lock = { method: 'POST', path: `/servers/${serverId}/action`, token: alice.token, body: { lock: null } };
    expect((await handlers.action.execute(new RequestServerActionCommand(serverId, 'lock', lock, alice.context()))).status).toBe(
      202,
    );
    const refused = alice.context();
    expect((await handlers.remove.execute(deleteCommand(serverId, alice, refused))).status).toBe(409);
    const refusedId = serverDeleteIdFor(refused.requestId, serverId);
    expect((await bed.history(serverStream(serverId))).slice(-2)).toEqual([
      expect.objectContaining({ type: 'ServerDeleteRequested', deleteId: refusedId }),
      {
        type: 'ServerDeleteFailed',
        serverId,
        podId: bed.pods[0].podId,
        projectId: alice.projectId,
        deleteId: refusedId,
        status: 409,
        message: `Instance ${serverId} is locked`,
      },
    ]);
    expect((await handlers.routes.locate(serverId, alice.projectId)).serverId).toBe(serverId);
  });

  it('records an unreachable pod as ServerDeleteFailed 504/503, and a proxy’s 404 as a refusal, never as gone', async () => {
    const proxyNotFound = {
      status: 404,
      headers: { 'content-type': 'text/html' },
      body: '<html>404 Not Found</html>',
      podBaseUrl: '',
    };
    const failing = (request: ForwardRequest) => {
      if (request.method !== 'DELETE') return bed.proxy.forward(request);
      if (request.token === 'answer-404') return Promise.resolve(proxyNotFound);
      return Promise.reject(new PodUnreachableError(`${request.pod.name} compute`, 'no answer within 30000 ms', 'ETIMEDOUT'));
    };
    const handlers = bed.handlers({}, { proxy: { forward: failing } });
    const serverId = await createIn('az1');
    await expect(handlers.remove.execute(deleteCommand(serverId))).rejects.toBeInstanceOf(PodUnreachableError);
    const viaProxy = new DeleteServerCommand(
      serverId,
      { method: 'DELETE', path: `/servers/${serverId}`, token: 'answer-404' },
      alice.context(),
    );
    expect((await handlers.remove.execute(viaProxy)).status).toBe(404);
    expect((await bed.history(serverStream(serverId))).filter((e) => e.type === 'ServerDeleteFailed')).toEqual([
      expect.objectContaining({ status: 504, message: expect.stringContaining('no answer') }),
      expect.objectContaining({ status: 404, message: 'HTTP 404' }),
    ]);
    expect(await typesOf(serverId)).not.toContain('ServerDeleted');
    expect((await bed.handlers().routes.locate(serverId, alice.projectId)).serverId).toBe(serverId);
    expect(await statusOnPod(bed, bed.pods[0], alice, serverId)).toBe('ACTIVE');
  });

  it('names in ServerDeleted the delete the pod accepted, not a later one it refused', async () => {
    const accepting = bed.handlers({ deleteConfirmIntervalMs: 300 });
    const serverId = await createIn('az1', accepting);
    const accepted = alice.context();
    expect((await accepting.remove.execute(deleteCommand(serverId, alice, accepted))).status).toBe(204);
    const unreachable = bed.handlers(
      {},
      {
        proxy: {
          forward: (request) =>
            Promise.reject(new PodUnreachableError(`${request.pod.name} compute`, 'connection reset', 'ECONNRESET')),
        },
      },
    );
    await expect(unreachable.remove.execute(deleteCommand(serverId))).rejects.toBeInstanceOf(PodUnreachableError);
    await accepting.confirmer.settled();
    const history = await bed.history(serverStream(serverId));
    expect(history.map((e) => e.type)).toEqual([
      'ServerCreated',
      'ResourceRouted',
      'ServerDeleteRequested',
      'ServerDeleteRequested',
      'ServerDeleteFailed',
      'ServerDeleted',
      'ResourceUnrouted',
    ]);
    expect(history[5]).toMatchObject({ deleteId: serverDeleteIdFor(accepted.requestId, serverId) });
  });

  it('RecordServerGone is idempotent, and records nothing for a server podgate never made', async () => {
    const handlers = bed.handlers();
    const serverId = await createIn('az1', handlers);
    await handlers.gone.execute(new RecordServerGoneCommand(serverId, alice.context()));
    await bed.handlers().gone.execute(new RecordServerGoneCommand(serverId, alice.context()));
    expect(await typesOf(serverId)).toEqual(['ServerCreated', 'ResourceRouted', 'ServerDeleted', 'ResourceUnrouted']);
    expect((await bed.history(serverStream(serverId)))[2]).toMatchObject({ deleteId: null });
    await handlers.gone.execute(new RecordServerGoneCommand('never-made', alice.context()));
    expect(await bed.history(serverStream('never-made'))).toEqual([]);
  });

  it('stops confirming on shutdown at once, leaving the route', async () => {
    const handlers = bed.handlers();
    const serverId = await createIn('az2', handlers);
    expect((await handlers.remove.execute(deleteCommand(serverId))).status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 100)); // a few polls: the pod still shows it, deleting
    const started = Date.now();
    await handlers.confirmer.onApplicationShutdown();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await typesOf(serverId)).toEqual(['ServerCreated', 'ResourceRouted', 'ServerDeleteRequested']);
    handlers.confirmer.watch({
      serverId,
      pod: (await handlers.routes.locate(serverId, null)).pod,
      projectId: alice.projectId,
      callerToken: alice.token,
      context: alice.context(),
    });
    await handlers.confirmer.settled(); // stopped: a new watch does not start
  });

  it('gives up after its deadline, leaving the route', async () => {
    const handlers = bed.handlers({ deleteConfirmIntervalMs: 20, deleteConfirmTimeoutMs: 150 });
    const serverId = await createIn('az2', handlers);
    expect((await handlers.remove.execute(deleteCommand(serverId))).status).toBe(204);
    await handlers.confirmer.settled();
    expect(await typesOf(serverId)).toEqual(['ServerCreated', 'ResourceRouted', 'ServerDeleteRequested']);
  });
});
