import { KeystoneClient, PodProxy } from '@podgate/openstack';
import { keystoneSyncCredentials, listPodSync, syncAdminContext } from '@podgate/pod-sync';
import { listAllPods, PodWriter, podIdFor, RegisterPodCommand, RegisterPodHandler } from '@podgate/pods';
import { type SimulatorHandle, startSimulator } from '../../../../apps/pod-simulator/src/simulator';
import { ChangeVolumeTypeCommand } from '../commands/change-volume-type/change-volume-type.command';
import { ChangeVolumeTypeHandler } from '../commands/change-volume-type/change-volume-type.handler';
import { DefaultVolumeTypeSeeder } from '../commands/default-volume-type.seeder';
import { DefineVolumeTypeCommand } from '../commands/define-volume-type/define-volume-type.command';
import { DefineVolumeTypeHandler } from '../commands/define-volume-type/define-volume-type.handler';
import { UpdateVolumeTypeCommand } from '../commands/update-volume-type/update-volume-type.command';
import { UpdateVolumeTypeHandler } from '../commands/update-volume-type/update-volume-type.handler';
import { DEFAULT_VOLUME_TYPE_ID } from '../domain/default-volume-type';
import { VOLUME_TYPE_TABLES } from '../projections/volume-types/volume-types.schema';
import { gatewayTypeIdOf, gatewayTypeIdsOfPod } from '../queries/pod-volume-type-ids';
import { openVolumeTypesTestBed, type VolumeTypesTestBed } from '../testing/volume-types-test-bed';
import { VolumeTypePodPusher } from './volume-type-pod-pusher';
import { VolumeTypeReconciler } from './volume-type-reconciler';
import { eventually } from '../../../../test/eventually';

const SERVICE = {
  username: 'podgate',
  password: 'podgate-secret',
  projectName: 'service',
  userDomainName: 'Default',
  projectDomainName: 'Default',
};

describe('VolumeTypeReconciler against the pod simulator’s Cinder (PGlite, real sockets)', () => {
  let sim: SimulatorHandle;
  let bed: VolumeTypesTestBed;
  let proxy: PodProxy;
  let reconciler: VolumeTypeReconciler;
  let typeId: string;
  const typeOn = (pod: number, name: string) => sim.pods[pod].state.cinder.typeByNameOrId(name);
  const register = (pod: number) =>
    new RegisterPodHandler(new PodWriter(bed.store, bed.sql)).execute(
      new RegisterPodCommand({ name: sim.pods[pod].region, azName: sim.pods[pod].az }, syncAdminContext()),
    );
  const sync = (id: string) => listPodSync(bed.sql, VOLUME_TYPE_TABLES, id);
  const events = async (id: string) =>
    (await bed.store.readStream(`volumeType-${id}`))
      .sort((a, b) => Number(a.revision - b.revision))
      .map((e) => ({ type: e.type, ...(e.data as object) }));

  beforeAll(async () => {
    sim = await startSimulator({ pods: 2, basePort: 0, delays: { buildMs: 0, actionMs: 0, volumeMs: 0 } });
    bed = await openVolumeTypesTestBed();
    const keystone = new KeystoneClient({
      url: sim.authUrl,
      service: SERVICE,
      endpointInterface: 'public',
      tokenCacheSeconds: 60,
    });
    proxy = new PodProxy({ timeoutMs: 2000 }, keystone);
    const pusher = new VolumeTypePodPusher(proxy, keystoneSyncCredentials(keystone), { timeoutMs: 1000 });
    const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
    reconciler = new VolumeTypeReconciler(bed.sql, bed.writer(), pusher, { intervalMs: 60_000, retryBaseMs: 0, logger: quiet });
    await new DefaultVolumeTypeSeeder(bed.writer()).seed();
    const defined = await new DefineVolumeTypeHandler(bed.writer(), bed.sql).execute(
      new DefineVolumeTypeCommand(
        { definition: { name: 'gold', description: 'fast', isPublic: false }, extraSpecs: { 'podgate:affinity_tag': 'ssd' } },
        syncAdminContext(),
      ),
    );
    typeId = defined.typeId;
    await new ChangeVolumeTypeHandler(bed.writer()).execute(
      new ChangeVolumeTypeCommand({ type: 'AddVolumeTypeAccess', typeId, projectId: 'tenant-a' }, syncAdminContext()),
    );
    await register(0);
  });
  afterAll(async () => {
    await reconciler.stop();
    proxy.close();
    await bed.close();
    await sim.stop();
  });

  it('creates the type in the pod’s Cinder and records the pod’s own id; adopts the pod’s __DEFAULT__', async () => {
    expect(await reconciler.syncOnce()).toEqual({ synced: 2, failed: 0, deferred: 0 });
    const held = typeOn(0, 'gold');
    expect(held).toMatchObject({
      description: 'fast',
      isPublic: false,
      extraSpecs: { 'podgate:affinity_tag': 'ssd' },
      access: new Set(['tenant-a']),
    });
    expect((await events(typeId)).slice(-1)).toEqual([
      { type: 'VolumeTypeSyncedToPod', typeId, podId: podIdFor('Pod1'), podTypeId: held!.id, generation: 2 },
    ]);
    const adopted = (await events(DEFAULT_VOLUME_TYPE_ID)).at(-1) as unknown as { podTypeId: string };
    expect(adopted.podTypeId).toBe(typeOn(0, '__DEFAULT__')!.id);
    expect([...sim.pods[0].state.cinder.types.values()].filter((t) => t.name === '__DEFAULT__')).toHaveLength(1);
    expect(await reconciler.syncOnce()).toEqual({ synced: 0, failed: 0, deferred: 0 });
  });

  it('maps a pod’s own type ids back to podgate’s (its volumes’ volume_type_id)', async () => {
    const podId = podIdFor('Pod1');
    const gold = typeOn(0, 'gold')!.id;
    await eventually(async () =>
      expect(await gatewayTypeIdsOfPod(bed.sql, podId)).toEqual(
        new Map([
          [gold, typeId],
          [typeOn(0, '__DEFAULT__')!.id, DEFAULT_VOLUME_TYPE_ID],
        ]),
      ),
    );
    expect(await gatewayTypeIdOf(bed.sql, podId, gold)).toBe(typeId);
    expect(await gatewayTypeIdOf(bed.sql, podIdFor('Pod2'), gold)).toBeUndefined();
    expect(await gatewayTypeIdOf(bed.sql, podId, 'no-such')).toBeUndefined();
  });

  it('renames in place under the recorded id, and gives a pod registered later every type', async () => {
    const podTypeId = typeOn(0, 'gold')!.id;
    await new UpdateVolumeTypeHandler(bed.writer(), bed.sql).execute(
      new UpdateVolumeTypeCommand(typeId, { name: 'platinum' }, syncAdminContext()),
    );
    await register(1);
    await reconciler.syncOnce();
    expect(typeOn(0, 'platinum')?.id).toBe(podTypeId);
    expect(typeOn(0, 'gold')).toBeUndefined();
    expect(typeOn(1, 'platinum')).toMatchObject({ isPublic: false, access: new Set(['tenant-a']) });
    await eventually(async () => expect((await sync(typeId)).map((p) => p.generation)).toEqual([3, 3]));
  });

  it('adopts a type of the same name a pod already has, instead of failing', async () => {
    const before = typeOn(1, 'platinum')!.id;
    // as if the record of pod 2 were lost (a push timed out after the pod created it): found by name
    const keystone = new KeystoneClient({
      url: sim.authUrl,
      service: SERVICE,
      endpointInterface: 'public',
      tokenCacheSeconds: 60,
    });
    const pusher = new VolumeTypePodPusher(proxy, keystoneSyncCredentials(keystone));
    const state = await bed.writer().load(typeId);
    if (state.status !== 'defined') throw new Error('type not live');
    const [, pod] = await listAllPods(bed.sql, { status: 'active' });
    const podTypeId = await pusher.push(pod, state.volumeType, undefined, 'req-adopt');
    expect(podTypeId).toBe(before);
  });

  it('records a failing pod once, and removes a deleted type from every pod', async () => {
    sim.pods[1].faults.update({ errorRate: 1, errorStatus: 500 });
    try {
      await new ChangeVolumeTypeHandler(bed.writer()).execute(
        new ChangeVolumeTypeCommand({ type: 'DeleteVolumeType', typeId }, syncAdminContext()),
      );
      expect(await reconciler.syncOnce()).toEqual({ synced: 1, failed: 1, deferred: 0 });
      expect((await events(typeId)).filter((e) => e.type === 'VolumeTypeSyncFailed')).toEqual([
        expect.objectContaining({ podId: podIdFor('Pod2'), generation: 4, status: 500 }),
      ]);
    } finally {
      sim.pods[1].faults.reset();
    }
    await reconciler.syncOnce();
    expect([typeOn(0, 'platinum'), typeOn(1, 'platinum')]).toEqual([undefined, undefined]);
    await eventually(async () =>
      expect((await sync(typeId)).map((p) => [p.generation, p.failure])).toEqual([
        [4, null],
        [4, null],
      ]),
    );
  });
});
