import { type EventStore, type NewEvent } from '@podgate/event-store';
import { type ForwardRequest, PodUnreachableError } from '@podgate/openstack';
import { faultyTransport, serviceKeystone } from '@podgate/routed-resources/testing';
import { PROVISIONING_METADATA_KEY } from '@podgate/routed-resources';
import { VolumeResourceProvisioningInDoubtError } from '../../domain/volume-resource.errors';
import { volumeProvisioningIdFor, volumeProvisioningStream, volumeResourceStream } from '../../domain/volume-resource.stream';
import {
  createCommand,
  inAz,
  openVolumesTestBed,
  podVolumesOf,
  type Tenant,
  type VolumesHandlers,
  type VolumesTestBed,
} from '../../testing/volumes-test-bed';

const isCreate = (request: ForwardRequest) => request.method === 'POST' && /^\/(volumes|snapshots|backups)$/.test(request.path);
const isTaggedList = (request: ForwardRequest) =>
  request.method === 'GET' && /^\/(volumes|snapshots)\/detail$/.test(request.path);

describe('Volume and snapshot creates in doubt are adopted by their provisioning tag (PGlite, pod simulator)', () => {
  let bed: VolumesTestBed;
  let alice: Tenant;
  /** Every call the handlers made, as the transport saw it. */
  const calls: ForwardRequest[] = [];

  beforeAll(async () => {
    bed = await openVolumesTestBed();
    alice = bed.tenant('alice');
  });
  afterAll(() => bed?.close());
  beforeEach(() => calls.splice(0));

  const transport = faultyTransport(() => bed, calls);
  /** The pod makes what the POST asks, and the answer is lost on the way back. */
  const answerLost = transport(async (request, answer) => {
    const response = await answer();
    if (isCreate(request)) throw new PodUnreachableError(`${request.pod.name} volume`, 'no answer within 30000 ms', 'ETIMEDOUT');
    return response;
  });
  const madeOnPod = (name: string) => podVolumesOf(bed.pods[0], alice.projectId).filter((volume) => volume.name === name);
  const typesOf = async (stream: string) => (await bed.history(stream)).map((e) => e.type);
  const createVolume = (handlers: VolumesHandlers, name: string, requestId?: string) =>
    handlers.create.execute(createCommand(alice, 'volume', inAz('az1'), { name }, requestId));

  it('tags the forwarded create, never the recorded request, and adopts the volume of a lost answer: it becomes locatable', async () => {
    const handlers = bed.handlers({}, { proxy: answerLost });
    const requestId = `req-${crypto.randomUUID()}`;
    await expect(createVolume(handlers, 'lost-answer', requestId)).rejects.toBeInstanceOf(PodUnreachableError);
    const provisioningId = volumeProvisioningIdFor('volume', requestId);
    expect(calls[0].body).toMatchObject({ volume: { metadata: { [PROVISIONING_METADATA_KEY]: provisioningId } } });
    const [made] = madeOnPod('lost-answer');
    expect(made?.metadata).toEqual({ [PROVISIONING_METADATA_KEY]: provisioningId });
    await handlers.provisioning.settled();

    expect(await bed.history(volumeProvisioningStream('volume', provisioningId))).toEqual([
      expect.objectContaining({ type: 'VolumeProvisioningRequested', request: expect.objectContaining({ metadataKeys: [] }) }),
      expect.objectContaining({ type: 'VolumeProvisioningFailed', status: 504 }),
    ]);
    expect(await bed.history(volumeResourceStream('volume', made.id))).toEqual([
      expect.objectContaining({ type: 'VolumeCreated', resourceId: made.id, provisioningId, projectId: alice.projectId }),
      expect.objectContaining({ type: 'ResourceRouted', topId: made.id, podId: bed.pods[0].podId }),
    ]);
    const elsewhere = bed.handlers(); // another process: nothing in its memory
    expect((await elsewhere.routes.locate('volume', made.id, alice.projectId)).pod.podId).toBe(bed.pods[0].podId);
    // noauth: the pod was asked with the caller's token, by the tag, for the caller's project only
    const lists = calls.filter(isTaggedList);
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((call) => call.token === alice.token && !call.query?.includes('all_tenants'))).toBe(true);
    expect(JSON.parse(new URLSearchParams(lists[0].query).get('metadata')!)).toEqual({
      [PROVISIONING_METADATA_KEY]: provisioningId,
    });
  });

  it('adopts a snapshot whose answer was lost, in its volume’s pod', async () => {
    const volume = await bed.handlers().create.execute(createCommand(alice, 'volume', inAz('az1'), { name: 'snapped' }));
    const handlers = bed.handlers({}, { proxy: answerLost });
    const parent = { by: 'resource', kind: 'volume', id: volume.createdId! } as const;
    const command = createCommand(alice, 'snapshot', parent, { volume_id: volume.createdId, name: 'lost-snap' });
    await expect(handlers.create.execute(command)).rejects.toBeInstanceOf(PodUnreachableError);
    await handlers.provisioning.settled();
    const snapshot = [...bed.pods[0].sim.state.cinder.snapshots.values()].find((s) => s.name === 'lost-snap');
    expect(snapshot).toBeDefined();
    expect(await typesOf(volumeResourceStream('snapshot', snapshot!.id))).toEqual(['SnapshotCreated', 'ResourceRouted']);
  });

  it('with Keystone, asks with podgate’s service token across tenants after a pod 5xx, and adopts', async () => {
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
    const { response, createdId } = await createVolume(handlers, 'behind-a-proxy');
    expect([response.status, createdId]).toEqual([502, undefined]);
    await handlers.provisioning.settled();
    const [made] = madeOnPod('behind-a-proxy');
    expect(await typesOf(volumeResourceStream('volume', made.id))).toEqual(['VolumeCreated', 'ResourceRouted']);
    const [list] = calls.filter(isTaggedList);
    expect(list.token).not.toBe(alice.token);
    const query = new URLSearchParams(list.query);
    expect([query.get('all_tenants'), query.get('project_id')]).toEqual(['1', alice.projectId]);
  });

  it('asks with the caller’s token too when the service user is no Cinder admin (Cinder then lists only its own, empty)', async () => {
    const bob = bed.tenant('bob'); // a user's token in another project: what a non-admin service user gets
    const handlers = bed.handlers({}, { keystone: { serviceToken: async () => bob.token }, proxy: answerLost });
    await expect(createVolume(handlers, 'service-not-admin')).rejects.toBeInstanceOf(PodUnreachableError);
    await handlers.provisioning.settled();
    const [made] = madeOnPod('service-not-admin');
    expect(await typesOf(volumeResourceStream('volume', made.id))).toEqual(['VolumeCreated', 'ResourceRouted']);
    expect(calls.filter(isTaggedList).map((call) => call.token)).toEqual([bob.token, alice.token]);
  });

  it('adopts a volume whose record failed after the pod’s 202, which the client still got', async () => {
    const store = failingFirstAppendTo(bed.store, 'volume-');
    const handlers = bed.handlers({}, { store });
    const once = await createVolume(handlers, 'record-failed');
    expect(once.response.status).toBe(202); // the pod made it: an error would have the client create a second one
    await handlers.provisioning.settled();
    expect(await typesOf(volumeResourceStream('volume', once.createdId!))).toEqual(['VolumeCreated', 'ResourceRouted']);
  });

  it('answers a re-run with the volume the first run made (found by its tag), forwarding no second create', async () => {
    const requestId = `req-${crypto.randomUUID()}`;
    const lost = bed.handlers({ provisionConfirmIntervalMs: 60_000 }, { proxy: answerLost });
    await expect(createVolume(lost, 're-run', requestId)).rejects.toBeInstanceOf(PodUnreachableError);
    await lost.provisioning.onApplicationShutdown(); // the confirmer never got to it

    calls.splice(0);
    const again = await createVolume(bed.handlers({}, { proxy: transport((_, answer) => answer()) }), 're-run', requestId);
    const [made] = madeOnPod('re-run');
    expect(madeOnPod('re-run')).toHaveLength(1);
    expect(again).toMatchObject({ createdId: made.id, azName: 'az1', pod: { podId: bed.pods[0].podId } });
    expect(again.response.status).toBe(202);
    expect(again.response.body).toMatchObject({ volume: { id: made.id, name: 're-run' } });
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual(['GET /volumes/detail']);
    expect(await typesOf(volumeResourceStream('volume', made.id))).toEqual(['VolumeCreated', 'ResourceRouted']);

    // after a success too: the same volume again, nothing appended
    const third = await createVolume(bed.handlers(), 're-run', requestId);
    expect(third.createdId).toBe(made.id);
    expect(await typesOf(volumeResourceStream('volume', made.id))).toEqual(['VolumeCreated', 'ResourceRouted']);
  });

  it('leaves backups in doubt (Cinder cannot find them by metadata): untagged, not watched, a re-run is 409', async () => {
    const volume = await bed.handlers().create.execute(createCommand(alice, 'volume', inAz('az1'), { name: 'backed' }));
    const requestId = `req-${crypto.randomUUID()}`;
    const command = () =>
      createCommand(
        alice,
        'backup',
        { by: 'resource', kind: 'volume', id: volume.createdId! },
        { volume_id: volume.createdId },
        requestId,
      );
    // The failure record is lost too (a database blip): the intent has no outcome.
    const store = refusingAppends(bed.store, (events) => events.some((e) => e.type === 'BackupProvisioningFailed'));
    const handlers = bed.handlers({}, { proxy: answerLost, store });
    await expect(handlers.create.execute(command())).rejects.toBeInstanceOf(PodUnreachableError);
    expect(calls[0].body).toEqual({ backup: { volume_id: volume.createdId } });
    expect(handlers.provisioning.pending()).toBe(0);
    calls.splice(0);
    const again = bed.handlers({}, { proxy: transport((_, answer) => answer()) }).create.execute(command());
    await expect(again).rejects.toBeInstanceOf(VolumeResourceProvisioningInDoubtError);
    await expect(again).rejects.toMatchObject({ kind: 'conflict' });
    expect(calls).toEqual([]);
  });

  it('answers 409 to a re-run while the pod shows nothing tagged and no outcome is recorded: forwarding again could make a second volume', async () => {
    const requestId = `req-${crypto.randomUUID()}`;
    const store = refusingAppends(bed.store, (events) => events.some((e) => e.type === 'VolumeProvisioningFailed'));
    const lostBeforeThePod = transport(async (request, answer) => {
      if (isCreate(request)) throw new PodUnreachableError(`${request.pod.name} volume`, 'no answer', 'ETIMEDOUT');
      return answer();
    });
    const first = bed.handlers({ provisionConfirmIntervalMs: 60_000 }, { proxy: lostBeforeThePod, store });
    await expect(createVolume(first, 'in-doubt', requestId)).rejects.toBeInstanceOf(PodUnreachableError);
    await first.provisioning.onApplicationShutdown();
    calls.splice(0);
    const again = createVolume(bed.handlers({}, { proxy: transport((_, answer) => answer()) }), 'in-doubt', requestId);
    await expect(again).rejects.toBeInstanceOf(VolumeResourceProvisioningInDoubtError);
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual(['GET /volumes/detail']);
    expect(madeOnPod('in-doubt')).toEqual([]);
  });

  it('watches nothing when the POST provably never left, and never takes another project’s volume carrying the tag', async () => {
    const refused = bed.handlers(
      {},
      {
        proxy: transport(async (request, answer) => {
          if (isCreate(request))
            throw new PodUnreachableError(`${request.pod.name} volume`, 'connection refused', 'ECONNREFUSED');
          return answer();
        }),
      },
    );
    await expect(createVolume(refused, 'never-sent')).rejects.toBeInstanceOf(PodUnreachableError);
    expect(refused.provisioning.pending()).toBe(0);

    // A pod that ignores the filter and shows a foreign project's volume with a copied tag: nothing adopted.
    const requestId = `req-${crypto.randomUUID()}`;
    const provisioningId = volumeProvisioningIdFor('volume', requestId);
    const foreign = {
      id: crypto.randomUUID(),
      metadata: { [PROVISIONING_METADATA_KEY]: provisioningId },
      'os-vol-tenant-attr:tenant_id': 'mallory',
    };
    const lying = bed.handlers(
      { provisionConfirmIntervalMs: 20, provisionConfirmMaxIntervalMs: 40, provisionConfirmTimeoutMs: 200 },
      {
        proxy: transport(async (request, answer) => {
          if (isCreate(request)) throw new PodUnreachableError(`${request.pod.name} volume`, 'socket hang up', 'ECONNRESET');
          const response = await answer();
          return isTaggedList(request) ? { ...response, body: { volumes: [foreign] } } : response;
        }),
      },
    );
    await expect(createVolume(lying, 'not-theirs', requestId)).rejects.toBeInstanceOf(PodUnreachableError);
    await lying.provisioning.settled();
    expect(calls.filter(isTaggedList).length).toBeGreaterThan(0);
    expect(await typesOf(volumeResourceStream('volume', foreign.id))).toEqual([]);
  });
});

/** The event store, refusing the first append to a stream starting with `prefix` (a database blip right after the pod's 202). */
function failingFirstAppendTo(store: EventStore, prefix: string): EventStore {
  let refused = false;
  return refusingAppends(store, (_, stream) => !refused && stream.startsWith(prefix) && (refused = true));
}

/** The event store, refusing every append `refuse` picks, as a lost connection would. */
function refusingAppends(store: EventStore, refuse: (events: readonly NewEvent[], stream: string) => boolean): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'append') return Reflect.get(target, property, receiver);
      return async (...args: Parameters<EventStore['append']>) => {
        if (refuse(args[1], args[0])) throw new Error('connection to the event store lost');
        return target.append(...args);
      };
    },
  });
}
