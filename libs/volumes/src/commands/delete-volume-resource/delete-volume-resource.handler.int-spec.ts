import { VolumeResourceNotFoundError } from '../../domain/volume-resource.errors';
import { volumeDeleteIdFor, volumeResourceStream } from '../../domain/volume-resource.stream';
import { createCommand, inAz, openVolumesTestBed, type Tenant, type VolumesTestBed } from '../../testing/volumes-test-bed';
import { RecordVolumeResourceGoneCommand } from '../record-volume-resource-gone/record-volume-resource-gone.command';
import { DeleteVolumeResourceCommand } from './delete-volume-resource.command';

describe('DeleteVolumeResource and RecordVolumeResourceGone (PGlite, pod simulator)', () => {
  let bed: VolumesTestBed;
  let alice: Tenant;
  // Pod2 takes ten minutes to delete: its deletions stay unconfirmed.
  beforeAll(async () => {
    bed = await openVolumesTestBed([{ az: 'pod-az1' }, { az: 'pod-az2', delays: { volumeMs: 600_000 } }]);
    alice = bed.tenant('alice');
  });
  afterAll(() => bed?.close());

  const typesOf = async (kind: 'volume' | 'snapshot', id: string) =>
    (await bed.history(volumeResourceStream(kind, id))).map((e) => e.type);
  const remove = (
    handlers: ReturnType<VolumesTestBed['handlers']>,
    kind: 'volume' | 'snapshot',
    id: string,
    context = alice.context(),
  ) =>
    handlers.remove.execute(
      new DeleteVolumeResourceCommand(kind, id, { method: 'DELETE', path: `/${kind}s/${id}`, token: alice.token }, context),
    );

  it('records the request, and VolumeDeleted + ResourceUnrouted once the pod answers Cinder’s 404; then it is not found', async () => {
    const handlers = bed.handlers();
    const { createdId } = await handlers.create.execute(createCommand(alice, 'volume', inAz('az1')));
    const id = createdId!;
    const context = alice.context();
    expect((await remove(handlers, 'volume', id, context)).status).toBe(202);
    await handlers.confirmer.settled();
    const deleteId = volumeDeleteIdFor('volume', context.requestId, id);
    expect(await bed.history(volumeResourceStream('volume', id))).toEqual([
      expect.objectContaining({ type: 'VolumeCreated' }),
      expect.objectContaining({ type: 'ResourceRouted' }),
      expect.objectContaining({ type: 'VolumeDeleteRequested', deleteId, podId: bed.pods[0].podId }),
      expect.objectContaining({ type: 'VolumeDeleted', deleteId, projectId: alice.projectId }),
      expect.objectContaining({ type: 'ResourceUnrouted', resourceType: 'volume', topId: id }),
    ]);
    await bed.caughtUp();
    await expect(bed.handlers().routes.locate('volume', id, alice.projectId)).rejects.toThrow(`Volume ${id} could not be found.`);
  });

  it('keeps the route while the pod is still deleting, and records a refusal (a volume with snapshots) as VolumeDeleteFailed', async () => {
    const handlers = bed.handlers({ deleteConfirmTimeoutMs: 200 });
    const slow = (await handlers.create.execute(createCommand(alice, 'volume', inAz('az1')))).createdId!;
    const parent = { by: 'resource', kind: 'volume', id: slow } as const;
    await handlers.create.execute(createCommand(alice, 'snapshot', parent, { volume_id: slow }));
    const refused = await remove(handlers, 'volume', slow);
    expect(refused.status).toBe(400);
    expect(await typesOf('volume', slow)).toEqual([
      'VolumeCreated',
      'ResourceRouted',
      'VolumeDeleteRequested',
      'VolumeDeleteFailed',
    ]);
    expect((await bed.history(volumeResourceStream('volume', slow))).at(-1)).toMatchObject({
      status: 400,
      message: expect.stringContaining('Invalid volume'),
    });

    const deleting = (await handlers.create.execute(createCommand(alice, 'volume', inAz('az2')))).createdId!;
    // Pod2 creates slowly too: make the volume available on the pod so it may be deleted
    bed.pods[1].sim.state.cinder.volumes.get(deleting)!.status = 'available';
    expect((await remove(handlers, 'volume', deleting)).status).toBe(202);
    await handlers.confirmer.settled();
    expect(await typesOf('volume', deleting)).toEqual(['VolumeCreated', 'ResourceRouted', 'VolumeDeleteRequested']);
    expect((await handlers.routes.locate('volume', deleting, alice.projectId)).pod.podId).toBe(bed.pods[1].podId);
  });

  it('records a resource found gone by a read once (RecordVolumeResourceGone), and nothing for one podgate never made', async () => {
    const handlers = bed.handlers();
    const volume = (await handlers.create.execute(createCommand(alice, 'volume', inAz('az1')))).createdId!;
    const parent = { by: 'resource', kind: 'volume', id: volume } as const;
    const snapshot = (await handlers.create.execute(createCommand(alice, 'snapshot', parent, { volume_id: volume }))).createdId!;
    bed.pods[0].sim.state.cinder.snapshots.delete(snapshot); // deleted on the pod directly
    await handlers.gone.execute(new RecordVolumeResourceGoneCommand('snapshot', snapshot, alice.context()));
    await handlers.gone.execute(new RecordVolumeResourceGoneCommand('snapshot', snapshot, alice.context()));
    expect(await bed.history(volumeResourceStream('snapshot', snapshot))).toEqual([
      expect.objectContaining({ type: 'SnapshotCreated' }),
      expect.objectContaining({ type: 'ResourceRouted' }),
      expect.objectContaining({ type: 'SnapshotDeleted', deleteId: null }),
      expect.objectContaining({ type: 'ResourceUnrouted', resourceType: 'snapshot' }),
    ]);
    await bed.caughtUp();
    await expect(handlers.routes.locate('snapshot', snapshot, null)).rejects.toBeInstanceOf(VolumeResourceNotFoundError);

    const unknown = crypto.randomUUID();
    await handlers.gone.execute(new RecordVolumeResourceGoneCommand('backup', unknown, alice.context()));
    expect(await bed.history(volumeResourceStream('backup', unknown))).toEqual([]);
  });

  it('records the pod’s own 404 to a delete as gone at once', async () => {
    const handlers = bed.handlers();
    const volume = (await handlers.create.execute(createCommand(alice, 'volume', inAz('az1')))).createdId!;
    bed.pods[0].sim.state.cinder.volumes.delete(volume);
    expect((await remove(handlers, 'volume', volume)).status).toBe(404);
    expect(await typesOf('volume', volume)).toEqual([
      'VolumeCreated',
      'ResourceRouted',
      'VolumeDeleteRequested',
      'VolumeDeleted',
      'ResourceUnrouted',
    ]);
  });
});
