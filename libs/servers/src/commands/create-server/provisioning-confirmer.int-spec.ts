import { type EventStore } from '@podgate/event-store';
import { type ForwardRequest, PodUnreachableError } from '@podgate/openstack';
import { faultyTransport, serviceKeystone } from '@podgate/routed-resources/testing';
import { provisioningIdFor, serverProvisioningStream, serverStream } from '../../domain/server.stream';
import {
  createServerInput,
  openServersTestBed,
  podServersOf,
  type ServersTestBed,
  type Tenant,
} from '../../testing/servers-test-bed';
import { CreateServerCommand } from './create-server.command';

const isCreate = (request: ForwardRequest) => request.method === 'POST' && request.path === '/servers';
const isTaggedList = (request: ForwardRequest) => request.method === 'GET' && request.path === '/servers/detail';

describe('ProvisioningConfirmer: creates whose outcome is in doubt are adopted (PGlite, pod simulator)', () => {
  let bed: ServersTestBed;
  let alice: Tenant;
  /** Every call the handlers made, as the transport saw it. */
  const calls: ForwardRequest[] = [];

  beforeAll(async () => {
    bed = await openServersTestBed();
    alice = bed.tenant('alice');
  });
  afterAll(() => bed?.close());
  beforeEach(() => calls.splice(0));

  const transport = faultyTransport(() => bed, calls);
  const timedOut = (request: ForwardRequest) =>
    new PodUnreachableError(`${request.pod.name} compute`, 'no answer within 30000 ms', 'ETIMEDOUT');
  const madeOnPod = (name: string) =>
    podServersOf(bed.pods[0], alice.projectId)
      .filter((server) => server.name === name || server.name.startsWith(`${name}-`))
      .map((server) => server.id)
      .sort();
  const typesOf = async (stream: string) => (await bed.history(stream)).map((e) => e.type);
  const create = (handlers: ReturnType<ServersTestBed['handlers']>, server: Record<string, unknown>, context = alice.context()) =>
    handlers.create.execute(new CreateServerCommand(createServerInput(alice, server), context));

  it('adopts the server of a POST that reached the pod before the answer was lost (ETIMEDOUT): it becomes locatable', async () => {
    const handlers = bed.handlers(
      {},
      {
        proxy: transport(async (request, answer) => {
          const response = await answer();
          if (isCreate(request)) throw timedOut(request);
          return response;
        }),
      },
    );
    const context = alice.context();
    await expect(create(handlers, { name: 'lost-answer' }, context)).rejects.toBeInstanceOf(PodUnreachableError);
    const [serverId] = madeOnPod('lost-answer');
    expect(serverId).toBeDefined();
    await handlers.provisioning.settled();

    const provisioningId = provisioningIdFor(context.requestId);
    expect(await bed.history(serverProvisioningStream(provisioningId))).toEqual([
      expect.objectContaining({ type: 'ServerProvisioningRequested' }),
      expect.objectContaining({ type: 'ServerProvisioningFailed', status: 504 }),
    ]);
    expect(await bed.history(serverStream(serverId))).toEqual([
      expect.objectContaining({ type: 'ServerCreated', serverId, provisioningId, projectId: alice.projectId, azName: 'az1' }),
      expect.objectContaining({ type: 'ResourceRouted', topId: serverId, podId: bed.pods[0].podId }),
    ]);
    const elsewhere = bed.handlers(); // another process: nothing in its memory
    expect((await elsewhere.routes.locate(serverId, alice.projectId)).pod.podId).toBe(bed.pods[0].podId);
    // noauth: the pod was asked with the caller's token, for the caller's project only
    const lists = calls.filter(isTaggedList);
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((call) => call.token === alice.token && !call.query?.includes('all_tenants'))).toBe(true);
  });

  it('with Keystone, asks with podgate’s service token and all_tenants after a pod 5xx, and adopts', async () => {
    const keystone = serviceKeystone(bed);
    const handlers = bed.handlers(
      {},
      {
        keystone,
        proxy: transport(async (request, answer) => {
          const response = await answer();
          if (!isCreate(request)) return response;
          return { ...response, status: 502, headers: { 'content-type': 'text/html' }, body: '<html>Bad Gateway</html>' };
        }),
      },
    );
    const { response, serverIds } = await create(handlers, { name: 'behind-a-proxy' });
    expect([response.status, serverIds]).toEqual([502, []]);
    await handlers.provisioning.settled();
    const [serverId] = madeOnPod('behind-a-proxy');
    expect(await typesOf(serverStream(serverId))).toEqual(['ServerCreated', 'ResourceRouted']);
    const [list] = calls.filter(isTaggedList);
    expect(list.token).not.toBe(alice.token);
    const query = new URLSearchParams(list.query);
    expect([query.get('all_tenants'), query.get('project_id')]).toEqual(['1', alice.projectId]);
  });

  it('adopts the rest of a multi-create whose tag look-up failed, and a create whose record failed', async () => {
    let lists = 0;
    const flaky = bed.handlers(
      {},
      {
        proxy: transport(async (request, answer) => {
          if (isTaggedList(request) && ++lists === 1) return { ...(await answer()), status: 500, body: {} };
          return answer();
        }),
      },
    );
    const many = await create(flaky, { name: 'many-lost', min_count: 3, max_count: 3 });
    expect([many.response.status, many.serverIds]).toEqual([202, [(many.response.body as { server: { id: string } }).server.id]]);
    await flaky.provisioning.settled();
    for (const serverId of madeOnPod('many-lost'))
      expect(await typesOf(serverStream(serverId))).toEqual(['ServerCreated', 'ResourceRouted']);
    expect(madeOnPod('many-lost')).toHaveLength(3);

    let refused = 0;
    const store = failingFirstServerAppend(bed.store, () => refused++);
    const unrecorded = bed.handlers({}, { store });
    const once = await create(unrecorded, { name: 'record-failed' });
    expect(once.response.status).toBe(202); // the pod made it: an error would have the client create a second one
    expect(refused).toBe(1);
    await unrecorded.provisioning.settled();
    const [serverId] = madeOnPod('record-failed');
    expect(await typesOf(serverStream(serverId))).toEqual(['ServerCreated', 'ResourceRouted']);
  });

  it('watches nothing when the POST provably never left, and gives up within its bound when the pod shows nothing', async () => {
    const refusedConnection = bed.handlers(
      {},
      {
        proxy: transport(async (request, answer) => {
          if (isCreate(request))
            throw new PodUnreachableError(`${request.pod.name} compute`, 'connection refused', 'ECONNREFUSED');
          return answer();
        }),
      },
    );
    await expect(create(refusedConnection, { name: 'never-sent' })).rejects.toBeInstanceOf(PodUnreachableError);
    expect(refusedConnection.provisioning.pending()).toBe(0);

    const lostBeforeThePod = bed.handlers(
      { provisionConfirmIntervalMs: 20, provisionConfirmMaxIntervalMs: 40, provisionConfirmTimeoutMs: 300 },
      {
        proxy: transport(async (request, answer) => {
          if (isCreate(request)) throw timedOut(request);
          return answer();
        }),
      },
    );
    const context = alice.context();
    await expect(create(lostBeforeThePod, { name: 'nothing-made' }, context)).rejects.toBeInstanceOf(PodUnreachableError);
    expect(lostBeforeThePod.provisioning.pending(bed.pods[0].podId)).toBe(1);
    const started = Date.now();
    await lostBeforeThePod.provisioning.settled();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(calls.filter(isTaggedList).length).toBeLessThanOrEqual(10); // 20, 40, 40, ... ms: not a busy loop
    expect(await typesOf(serverProvisioningStream(provisioningIdFor(context.requestId)))).toEqual([
      'ServerProvisioningRequested',
      'ServerProvisioningFailed',
    ]);
  });

  it('stops at shutdown at once, and watches nothing after', async () => {
    const handlers = bed.handlers(
      { provisionConfirmIntervalMs: 60_000 },
      {
        proxy: transport(async (request, answer) => {
          if (isCreate(request)) throw timedOut(request);
          return answer();
        }),
      },
    );
    await expect(create(handlers, { name: 'at-shutdown' })).rejects.toBeInstanceOf(PodUnreachableError);
    const started = Date.now();
    await handlers.provisioning.onApplicationShutdown();
    expect(Date.now() - started).toBeLessThan(500);
    await expect(create(handlers, { name: 'after-shutdown' })).rejects.toBeInstanceOf(PodUnreachableError);
    expect(handlers.provisioning.pending()).toBe(0);
  });
});

/** The event store, refusing the first append to a `server-` stream (a database blip right after the pod's 202). */
function failingFirstServerAppend(store: EventStore, onRefusal: () => void): EventStore {
  let refused = false;
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'append') return Reflect.get(target, property, receiver);
      return async (...args: Parameters<EventStore['append']>) => {
        if (!refused && args[0].startsWith('server-')) {
          refused = true;
          onRefusal();
          throw new Error('connection to the event store lost');
        }
        return target.append(...args);
      };
    },
  });
}
