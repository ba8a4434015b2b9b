import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus, CqrsModule, QueryBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { BindingsModule } from '@podgate/bindings';
import type { EventStore } from '@podgate/event-store';
import { TestRuntimeModule } from '@podgate/routed-resources/testing';
import { DeleteVolumeResourceCommand } from './commands/delete-volume-resource/delete-volume-resource.command';
import { RequestVolumeActionCommand } from './commands/request-volume-action/request-volume-action.command';
import type { CreatedInPod } from './domain/volume-resource';
import { VolumeResourceNotFoundError } from './domain/volume-resource.errors';
import { volumeResourceStream } from './domain/volume-resource.stream';
import { ListVolumeResourcePodsQuery } from './queries/list-volume-resource-pods/list-volume-resource-pods.query';
import { LocateVolumeResourceQuery } from './queries/locate-volume-resource/locate-volume-resource.query';
import { createCommand, inAz, openVolumesTestBed, type VolumesTestBed } from './testing/volumes-test-bed';
import { VolumesModule } from './volumes.module';

describe('VolumesModule (Nest, PGlite, pod simulator)', () => {
  let bed: VolumesTestBed;
  let app: INestApplicationContext;
  let commands: CommandBus;
  let queries: QueryBus;

  beforeAll(async () => {
    // A third pod nobody uses.
    bed = await openVolumesTestBed([{ az: 'pod-az1' }, { az: 'pod-az2' }, { az: 'pod-az3' }]);
    const moduleRef = await Test.createTestingModule({
      imports: [TestRuntimeModule.with(bed), CqrsModule.forRoot(), BindingsModule, VolumesModule],
    }).compile();
    moduleRef.useLogger(false);
    app = await moduleRef.init();
    [commands, queries] = [app.get(CommandBus), app.get(QueryBus)];
  });
  afterAll(async () => {
    await app?.close();
    await bed?.close();
  });

  it('serves create, action, delete, locate and the list pods through the buses', async () => {
    const alice = bed.tenant('alice');
    const admin = bed.tenant('admin');
    const volume: CreatedInPod = await commands.execute(createCommand(alice, 'volume', inAz('az1')));
    const id = volume.createdId!;
    expect(await queries.execute(new LocateVolumeResourceQuery('volume', id, alice.projectId))).toMatchObject({
      kind: 'volume',
      id,
      projectId: alice.projectId,
      azName: 'az1',
      pod: { podId: bed.pods[0].podId },
    });
    // An admin snapshots alice's volume: placed in its pod, recorded for the admin's project, which has no binding.
    const parent = { by: 'resource', kind: 'volume', id } as const;
    const snapshot: CreatedInPod = await commands.execute(createCommand(admin, 'snapshot', parent, { volume_id: id }));
    expect(snapshot.pod.podId).toBe(bed.pods[0].podId);

    const extend = { method: 'POST', path: `/volumes/${id}/action`, token: alice.token, body: { 'os-extend': { new_size: 2 } } };
    expect(
      (await commands.execute(new RequestVolumeActionCommand('volume', id, 'os-extend', extend, alice.context()))).status,
    ).toBe(202);

    await bed.caughtUp();
    const podIds = bed.pods.map((p) => p.podId);
    const pods = async (kind: 'volume' | 'snapshot' | 'backup', projectId: string | null) =>
      ((await queries.execute(new ListVolumeResourcePodsQuery(kind, projectId))) as { podId: string }[]).map((p) => p.podId);
    expect(await pods('volume', alice.projectId)).toEqual([podIds[0]]);
    expect(await pods('snapshot', admin.projectId)).toEqual([podIds[0]]);
    expect(await pods('volume', admin.projectId)).toEqual([]);
    expect(await pods('backup', null)).toEqual(podIds);
    expect(await pods('volume', 'tenant-without-anything')).toEqual([]);

    const remove = { method: 'DELETE', path: `/snapshots/${snapshot.createdId}`, token: admin.token };
    const context = admin.context();
    expect(
      (await commands.execute(new DeleteVolumeResourceCommand('snapshot', snapshot.createdId!, remove, context))).status,
    ).toBe(202);
    expect((await bed.history(volumeResourceStream('snapshot', snapshot.createdId!))).map((e) => e.type)).toContain(
      'SnapshotDeleteRequested',
    );
  });

  describe('locating', () => {
    /** The bed's store, whose stream reads fail while `broken`: what is found then came from memory or rm_routings. */
    let broken = false;
    const store = (): EventStore =>
      new Proxy(bed.store, {
        get(target, property, receiver) {
          if (property === 'readStream' && broken) return () => Promise.reject(new Error('stream reads are off'));
          return Reflect.get(target, property, receiver);
        },
      });
    afterEach(() => (broken = false));

    it('finds a resource in memory, in rm_routings, and (read-your-writes on another replica) in its stream', async () => {
      const alice = bed.tenant('alice');
      const resume = await bed.pauseRoutings();
      let id: string;
      const maker = bed.handlers({ readYourWritesMs: 50 }, { store: store() });
      try {
        id = (await maker.create.execute(createCommand(alice, 'volume', inAz('az2')))).createdId!;
        // another replica: nothing in memory, rm_routings behind: the stream answers
        const replica = bed.handlers({}, { store: store() });
        expect((await replica.routes.locate('volume', id, alice.projectId)).pod.podId).toBe(bed.pods[1].podId);
        broken = true;
        // the maker remembers; a third process can neither read the stream nor find a row
        expect((await maker.routes.locate('volume', id, alice.projectId)).azName).toBe('az2');
        await expect(bed.handlers({}, { store: store() }).routes.locate('volume', id, alice.projectId)).rejects.toThrow(
          'stream reads are off',
        );
      } finally {
        resume();
      }
      await bed.caughtUp();
      expect((await bed.handlers({}, { store: store() }).routes.locate('volume', id, null)).projectId).toBe(alice.projectId);
    });

    it('answers Cinder’s 404 in Cinder’s words for another tenant’s or an unknown resource, of each kind', async () => {
      const alice = bed.tenant('alice');
      const bob = bed.tenant('bob');
      const id = (await commands.execute(createCommand(alice, 'volume', inAz('az1')))).createdId as string;
      const notFound = (kind: 'volume' | 'snapshot' | 'backup', resourceId: string, projectId: string | null) =>
        queries.execute(new LocateVolumeResourceQuery(kind, resourceId, projectId));
      await expect(notFound('volume', id, bob.projectId)).rejects.toThrow(new VolumeResourceNotFoundError('volume', id));
      await expect(notFound('volume', id, bob.projectId)).rejects.toMatchObject({
        kind: 'itemNotFound',
        message: `Volume ${id} could not be found.`,
      });
      await expect(notFound('snapshot', id, null)).rejects.toThrow(`Snapshot ${id} could not be found.`);
      await expect(notFound('backup', 'nope', null)).rejects.toThrow('Backup nope could not be found.');
      await expect(notFound('volume', '', null)).rejects.toThrow('Volume  could not be found.');
    });
  });
});
