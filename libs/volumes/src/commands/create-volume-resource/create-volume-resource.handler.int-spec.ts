import { type ForwardedResponse, type ForwardRequest, PodUnreachableError, UpstreamError } from '@podgate/openstack';
import { listRoutings } from '@podgate/routing';
import { VolumeResourceNotFoundError } from '../../domain/volume-resource.errors';
import { volumeProvisioningIdFor, volumeProvisioningStream, volumeResourceStream } from '../../domain/volume-resource.stream';
import { createCommand, inAz, openVolumesTestBed, podVolumesOf, type VolumesTestBed } from '../../testing/volumes-test-bed';

describe('CreateVolumeResource (PGlite, pod simulator)', () => {
  let bed: VolumesTestBed;
  /** Every call the handlers made through `counting`. */
  let calls: ForwardRequest[];
  beforeAll(async () => (bed = await openVolumesTestBed()));
  afterAll(() => bed?.close());
  beforeEach(() => (calls = []));

  const counting = (fault?: (request: ForwardRequest) => ForwardedResponse | Error | undefined) => ({
    forward: async (request: ForwardRequest) => {
      calls.push(request);
      const faulty = fault?.(request);
      if (faulty instanceof Error) throw faulty;
      return faulty ?? bed.proxy.forward(request);
    },
  });
  const typesOf = async (stream: string) => (await bed.history(stream)).map((e) => e.type);

  it('places a volume by binding: intent, then VolumeCreated + ResourceRouted; the pod gets its own AZ; rm_routings shows it at once', async () => {
    const alice = bed.tenant('alice');
    const requestId = `req-${crypto.randomUUID()}`;
    const { response, pod, azName, createdId } = await bed
      .handlers({}, { proxy: counting() })
      .create.execute(createCommand(alice, 'volume', inAz('az2'), { name: 'data', size: 2 }, requestId));
    expect(response.status).toBe(202);
    expect({ podId: pod.podId, azName }).toEqual({ podId: bed.pods[1].podId, azName: 'az2' });
    expect(createdId).toBe((response.body as { volume: { id: string } }).volume.id);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      service: 'volume',
      projectId: alice.projectId,
      body: { volume: { availability_zone: 'pod-az2' } },
    });
    expect(podVolumesOf(bed.pods[1], alice.projectId).find((v) => v.id === createdId)?.name).toBe('data');

    const provisioningId = volumeProvisioningIdFor('volume', requestId);
    expect(await bed.history(volumeProvisioningStream('volume', provisioningId))).toEqual([
      expect.objectContaining({
        type: 'VolumeProvisioningRequested',
        projectId: alice.projectId,
        azName: 'az2',
        podId: bed.pods[1].podId,
        bindingId: expect.any(String),
        parent: null,
        request: { name: 'data', size: 2, volumeType: null, sources: {}, metadataKeys: [], flags: [] },
      }),
    ]);
    expect(await bed.history(volumeResourceStream('volume', createdId!))).toEqual([
      expect.objectContaining({ type: 'VolumeCreated', resourceId: createdId, provisioningId, azName: 'az2', name: 'data' }),
      expect.objectContaining({ type: 'ResourceRouted', resourceType: 'volume', topId: createdId, bottomId: createdId }),
    ]);
    // read-your-writes: the create waited for the projection, so a list right after finds its pod
    const [route] = await listRoutings(bed.sql, { topId: createdId!, resourceType: 'volume', limit: 1 });
    expect(route).toMatchObject({ podId: bed.pods[1].podId, projectId: alice.projectId, azName: 'az2' });
  });

  it('places a snapshot by its volume, in the volume’s pod; another tenant’s volume is Cinder’s 404, never forwarded', async () => {
    const alice = bed.tenant('alice');
    const handlers = bed.handlers({}, { proxy: counting() });
    const volume = await handlers.create.execute(createCommand(alice, 'volume', inAz('az2')));
    const parent = { by: 'resource', kind: 'volume', id: volume.createdId! } as const;
    const snapshot = await handlers.create.execute(
      createCommand(alice, 'snapshot', parent, { volume_id: volume.createdId, name: 's' }),
    );
    expect(snapshot).toMatchObject({ pod: { podId: bed.pods[1].podId }, azName: 'az2', createdId: expect.any(String) });
    const intent = (await bed.readAll()).find(
      (e) => e.type === 'SnapshotProvisioningRequested' && (e.data as { parent: unknown }).parent !== null,
    );
    expect(intent?.data).toMatchObject({
      bindingId: null,
      parent: { kind: 'volume', id: volume.createdId },
      request: { name: 's', sources: { volume_id: volume.createdId } },
    });
    expect(await typesOf(volumeResourceStream('snapshot', snapshot.createdId!))).toEqual(['SnapshotCreated', 'ResourceRouted']);

    const bob = bed.tenant('bob');
    calls = [];
    await expect(
      handlers.create.execute(createCommand(bob, 'snapshot', parent, { volume_id: volume.createdId })),
    ).rejects.toThrow(new VolumeResourceNotFoundError('volume', volume.createdId!));
    expect(calls).toEqual([]);
  });

  it('records a refusal with the pod’s status and message, never the secrets of the body; a re-run answers it again without a second create', async () => {
    const alice = bed.tenant('alice');
    const requestId = `req-${crypto.randomUUID()}`;
    const secret = 'db-password-4711';
    const command = () =>
      createCommand(
        alice,
        'volume',
        inAz('az1'),
        { name: 'typed', volume_type: 'no-such-type', metadata: { db: secret } },
        requestId,
      );
    const handlers = bed.handlers({}, { proxy: counting() });
    const { response, createdId } = await handlers.create.execute(command());
    expect(response.status).toBe(404);
    expect(createdId).toBeUndefined();
    const provisioningId = volumeProvisioningIdFor('volume', requestId);
    const history = await bed.history(volumeProvisioningStream('volume', provisioningId));
    expect(history).toEqual([
      expect.objectContaining({
        type: 'VolumeProvisioningRequested',
        request: expect.objectContaining({ metadataKeys: ['db'] }),
      }),
      expect.objectContaining({
        type: 'VolumeProvisioningFailed',
        status: 404,
        message: 'Volume type with name no-such-type could not be found.',
      }),
    ]);
    const rerun = bed.handlers({}, { proxy: counting() }).create.execute(command());
    await expect(rerun).rejects.toBeInstanceOf(UpstreamError);
    await expect(rerun).rejects.toMatchObject({ status: 404 });
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual(['POST /volumes', 'GET /volumes/detail']); // no second create
    const everything = JSON.stringify((await bed.readAll()).map((e) => [e.data, e.metadata]));
    for (const leaked of [secret, alice.token]) expect(everything).not.toContain(leaked);
  });

  it('never forwards a create twice: a re-run answers the volume the first made, one on the pod; in doubt (409) while the pod shows none', async () => {
    const alice = bed.tenant('alice');
    const requestId = `req-${crypto.randomUUID()}`;
    const first = await bed
      .handlers({}, { proxy: counting() })
      .create.execute(createCommand(alice, 'volume', inAz('az1'), { name: 'once' }, requestId));
    expect(first.response.status).toBe(202);
    const again = await bed
      .handlers({}, { proxy: counting() })
      .create.execute(createCommand(alice, 'volume', inAz('az1'), { name: 'once' }, requestId));
    expect(again).toMatchObject({ createdId: first.createdId, response: { status: 202 } });
    expect(calls.map((call) => call.method)).toEqual(['POST', 'GET']);
    expect(podVolumesOf(bed.pods[0], alice.projectId).filter((v) => v.name === 'once')).toHaveLength(1);
    expect(await typesOf(volumeResourceStream('volume', first.createdId!))).toEqual(['VolumeCreated', 'ResourceRouted']);

    // The pod shows nothing tagged (the first forward still under way, or lost before the pod): 409.
    const unseen = `req-${crypto.randomUUID()}`;
    const slow = counting((request) =>
      request.method === 'POST' ? new PodUnreachableError(`${request.pod.name} volume`, 'no answer', 'ETIMEDOUT') : undefined,
    );
    const lost = bed.handlers({ provisionConfirmIntervalMs: 60_000 }, { proxy: slow });
    await expect(lost.create.execute(createCommand(alice, 'volume', inAz('az1'), {}, unseen))).rejects.toBeInstanceOf(
      PodUnreachableError,
    );
    await lost.provisioning.onApplicationShutdown();
    const inDoubt = bed.handlers({}, { proxy: slow }).create.execute(createCommand(alice, 'volume', inAz('az1'), {}, unseen));
    await expect(inDoubt).rejects.toBeInstanceOf(UpstreamError); // its failure (504) recorded: answered again
  });

  it('records an unreachable pod as 503 and throws the pod’s error on', async () => {
    const alice = bed.tenant('alice');
    const requestId = `req-${crypto.randomUUID()}`;
    const down = counting(
      (request) => new PodUnreachableError(`${request.pod.name} volume`, 'connection refused', 'ECONNREFUSED'),
    );
    await expect(
      bed.handlers({}, { proxy: down }).create.execute(createCommand(alice, 'volume', inAz('az1'), {}, requestId)),
    ).rejects.toBeInstanceOf(PodUnreachableError);
    const history = await bed.history(volumeProvisioningStream('volume', volumeProvisioningIdFor('volume', requestId)));
    expect(history.map((e) => [e.type, e.status])).toEqual([
      ['VolumeProvisioningRequested', undefined],
      ['VolumeProvisioningFailed', 503],
    ]);
  });
});
