import { KeystoneClient, PodProxy } from '@podgate/openstack';
import {
  DeregisterPodCommand,
  DeregisterPodHandler,
  PodWriter,
  podIdFor,
  RegisterPodCommand,
  RegisterPodHandler,
} from '@podgate/pods';
import { type SimulatorHandle, startSimulator } from '../../../../apps/pod-simulator/src/simulator';
import { AddFlavorAccessCommand } from '../commands/add-flavor-access/add-flavor-access.command';
import { AddFlavorAccessHandler } from '../commands/add-flavor-access/add-flavor-access.handler';
import { DefineFlavorCommand } from '../commands/define-flavor/define-flavor.command';
import { DefineFlavorHandler } from '../commands/define-flavor/define-flavor.handler';
import { DeleteFlavorCommand } from '../commands/delete-flavor/delete-flavor.command';
import { DeleteFlavorHandler } from '../commands/delete-flavor/delete-flavor.handler';
import { SetFlavorExtraSpecsCommand } from '../commands/set-flavor-extra-specs/set-flavor-extra-specs.command';
import { SetFlavorExtraSpecsHandler } from '../commands/set-flavor-extra-specs/set-flavor-extra-specs.handler';
import { listFlavorPodSync, listFlavorSyncStatuses } from '../queries/flavors/flavor-sync.query';
import { M1_SMALL } from '../testing/flavor-fixtures';
import { flavorAdminContext, type FlavorsTestBed, openFlavorsTestBed } from '../testing/flavors-test-bed';
import { FlavorPodPusher } from './flavor-pod-pusher';
import { FlavorReconciler, type FlavorReconcilerOptions } from './flavor-reconciler';
import { keystoneSyncCredentials } from '@podgate/pod-sync';
import { eventually } from '../../../../test/eventually';

const SERVICE = {
  username: 'podgate',
  password: 'podgate-secret',
  projectName: 'service',
  userDomainName: 'Default',
  projectDomainName: 'Default',
};
const GPU = { ...M1_SMALL, name: 'gpu.large', ram: 4096, isPublic: false, description: 'GPUs' };

describe('FlavorReconciler against the pod simulator (PGlite, real sockets)', () => {
  let sim: SimulatorHandle;
  let bed: FlavorsTestBed;
  let proxy: PodProxy;
  let pusher: FlavorPodPusher;
  const reconcilers: FlavorReconciler[] = [];
  let logged: string[] = [];
  const logger = {
    log: (m: string) => logged.push(`LOG ${m}`),
    warn: (m: string) => logged.push(`WARN ${m}`),
    error: (m: string) => logged.push(`ERROR ${m}`),
  };
  const reconciler = (options: Partial<FlavorReconcilerOptions> = {}, withPusher: FlavorPodPusher | null = pusher) => {
    const made = new FlavorReconciler(bed.sql, bed.writer(), withPusher, {
      intervalMs: 60_000,
      watchMs: 20,
      retryBaseMs: 50,
      retryMaxMs: 200,
      logger,
      ...options,
    });
    reconcilers.push(made);
    return made;
  };
  const podFlavor = (pod: number, id: string) => sim.pods[pod].state.nova.flavors.find(id);
  const register = (pod: number) =>
    new RegisterPodHandler(new PodWriter(bed.store, bed.sql)).execute(
      new RegisterPodCommand({ name: sim.pods[pod].region, azName: sim.pods[pod].az }, flavorAdminContext()),
    );
  // sorted: the PostgreSQL adapter's readStream orders revisions as text (see FlavorWriter's loadStream)
  const eventsOf = async (flavorId: string) =>
    (await bed.store.readStream(`flavor-${flavorId}`))
      .sort((a, b) => Number(a.revision - b.revision))
      .map((e) => ({ type: e.type, ...(e.data as object) }));

  beforeAll(async () => {
    sim = await startSimulator({ pods: 2, basePort: 0, delays: { buildMs: 0, actionMs: 0, volumeMs: 0 } });
    bed = await openFlavorsTestBed();
    const keystone = new KeystoneClient({
      url: sim.authUrl,
      service: SERVICE,
      endpointInterface: 'public',
      tokenCacheSeconds: 60,
    });
    proxy = new PodProxy({ timeoutMs: 2000 }, keystone);
    pusher = new FlavorPodPusher(proxy, keystoneSyncCredentials(keystone), { timeoutMs: 1000 });
    const writer = bed.writer();
    await new DefineFlavorHandler(writer, bed.sql).execute(
      new DefineFlavorCommand({ flavorId: 'gpu', definition: GPU }, flavorAdminContext()),
    );
    await new SetFlavorExtraSpecsHandler(writer).execute(
      new SetFlavorExtraSpecsCommand(
        'gpu',
        { 'podgate:affinity_tag': 'gpu', 'hw:cpu_policy': 'dedicated' },
        flavorAdminContext(),
      ),
    );
    await new AddFlavorAccessHandler(writer).execute(new AddFlavorAccessCommand('gpu', 'tenant-a', flavorAdminContext()));
  });
  beforeEach(() => (logged = []));
  afterEach(async () => {
    for (const made of reconcilers.splice(0)) await made.stop();
  });
  afterAll(async () => {
    proxy.close();
    await bed.close();
    await sim.stop();
  });

  it('pushes a flavor, with its id, extra specs and access, to an active pod, and records it', async () => {
    expect(await reconciler().syncOnce()).toEqual({ synced: 0, failed: 0, deferred: 0 });
    await register(0);
    expect(await reconciler().syncOnce()).toEqual({ synced: 1, failed: 0, deferred: 0 });
    expect(podFlavor(0, 'gpu')).toMatchObject({
      name: 'gpu.large',
      ram: 4096,
      isPublic: false,
      description: 'GPUs',
      extraSpecs: { 'podgate:affinity_tag': 'gpu', 'hw:cpu_policy': 'dedicated' },
      access: new Set(['tenant-a']),
    });
    expect((await eventsOf('gpu')).slice(-1)).toEqual([
      { type: 'FlavorSyncedToPod', flavorId: 'gpu', podId: podIdFor('Pod1'), generation: 3 },
    ]);
    expect(await reconciler().syncOnce()).toEqual({ synced: 0, failed: 0, deferred: 0 });
  });

  it('gives a pod registered later every live flavor, without being asked (it watches the read models)', async () => {
    const running = reconciler();
    running.start();
    await register(1);
    await eventually(async () => {
      expect(podFlavor(1, 'gpu')).toMatchObject({ name: 'gpu.large', access: new Set(['tenant-a']) });
      expect((await listFlavorPodSync(bed.sql, 'gpu')).map((p) => p.generation)).toEqual([3, 3]);
    });
  });

  it('replaces a pod’s flavor of the same id when its definition differs, and follows changes', async () => {
    // every simulated pod ships Nova's devstack flavor id 2 (m1.small, 2048 MiB)
    const writer = bed.writer();
    await new DefineFlavorHandler(writer, bed.sql).execute(
      new DefineFlavorCommand(
        { flavorId: '2', definition: { ...M1_SMALL, name: 'podgate.small', ram: 1024 } },
        flavorAdminContext(),
      ),
    );
    await reconciler().syncOnce();
    for (const pod of [0, 1]) expect(podFlavor(pod, '2')).toMatchObject({ name: 'podgate.small', ram: 1024, isPublic: true });
    await new SetFlavorExtraSpecsHandler(writer).execute(
      new SetFlavorExtraSpecsCommand('2', { 'hw:mem_page_size': 'large' }, flavorAdminContext()),
    );
    await reconciler().syncOnce();
    for (const pod of [0, 1]) expect(podFlavor(pod, '2')?.extraSpecs).toEqual({ 'hw:mem_page_size': 'large' });
  });

  it('records a failing pod once, retries it with backoff, and records the success', async () => {
    sim.pods[1].faults.update({ errorRate: 1, errorStatus: 500 });
    const writer = bed.writer();
    await new SetFlavorExtraSpecsHandler(writer).execute(
      new SetFlavorExtraSpecsCommand('gpu', { 'hw:cpu_policy': 'shared' }, flavorAdminContext()),
    );
    const running = reconciler();
    running.start();
    await eventually(() => expect(logged.filter((line) => line.startsWith('WARN')).length).toBeGreaterThanOrEqual(3));
    const failures = (await eventsOf('gpu')).filter((e) => e.type === 'FlavorSyncFailed');
    expect(failures).toEqual([
      expect.objectContaining({
        podId: podIdFor('Pod2'),
        generation: 4,
        status: 500,
        message: expect.stringContaining('HTTP 500'),
      }),
    ]);
    expect(podFlavor(0, 'gpu')?.extraSpecs['hw:cpu_policy']).toBe('shared');
    sim.pods[1].faults.reset();
    await eventually(async () => {
      expect(podFlavor(1, 'gpu')?.extraSpecs['hw:cpu_policy']).toBe('shared');
      expect(await listFlavorPodSync(bed.sql, 'gpu')).toEqual([
        expect.objectContaining({ generation: 4, failure: null }),
        expect.objectContaining({ generation: 4, failure: null }),
      ]);
    });
  });

  it('records an unreachable pod without a status', async () => {
    await sim.pods[1].down();
    try {
      await new SetFlavorExtraSpecsHandler(bed.writer()).execute(
        new SetFlavorExtraSpecsCommand('gpu', { 'hw:cpu_policy': 'mixed' }, flavorAdminContext()),
      );
      expect(await reconciler().syncOnce()).toEqual({ synced: 1, failed: 1, deferred: 0 });
      const failures = (await eventsOf('gpu')).filter((e) => e.type === 'FlavorSyncFailed');
      expect(failures.slice(-1)).toEqual([
        {
          type: 'FlavorSyncFailed',
          flavorId: 'gpu',
          podId: podIdFor('Pod2'),
          generation: 5,
          message: expect.stringContaining('unreachable'),
        },
      ]);
    } finally {
      await sim.pods[1].up();
    }
    await reconciler({ retryBaseMs: 0 }).syncOnce();
    expect(podFlavor(1, 'gpu')?.extraSpecs['hw:cpu_policy']).toBe('mixed');
  });

  it('removes a deleted flavor from every pod that holds it, then has nothing left to do', async () => {
    await new DeleteFlavorHandler(bed.writer()).execute(new DeleteFlavorCommand('gpu', flavorAdminContext()));
    await reconciler().syncOnce();
    expect([podFlavor(0, 'gpu'), podFlavor(1, 'gpu')]).toEqual([undefined, undefined]);
    await eventually(async () => expect((await listFlavorSyncStatuses(bed.sql)).map((s) => s.flavorId)).toEqual(['2']));
  });

  it('forgets the retry of a push whose task left the plan some other way (its pod deregistered)', async () => {
    sim.pods[1].faults.update({ errorRate: 1, errorStatus: 500 });
    try {
      await new SetFlavorExtraSpecsHandler(bed.writer()).execute(
        new SetFlavorExtraSpecsCommand('2', { 'hw:numa_nodes': '1' }, flavorAdminContext()),
      );
      const made = reconciler({ retryBaseMs: 60_000 });
      expect(await made.syncOnce()).toEqual({ synced: 1, failed: 1, deferred: 0 });
      expect(made.retriesWaiting).toBe(1);
      // Nothing is left depending on the pod in this test's read models: no binding, no route.
      const unused = { activeBindings: async () => 0, routedResources: async () => 0 };
      await new DeregisterPodHandler(new PodWriter(bed.store, bed.sql), unused).execute(
        new DeregisterPodCommand({ podId: podIdFor('Pod2'), reason: 'retired' }, flavorAdminContext()),
      );
      expect(await made.syncOnce()).toEqual({ synced: 0, failed: 0, deferred: 0 });
      expect(made.retriesWaiting).toBe(0); // else a past due entry would make every tick run a round
    } finally {
      sim.pods[1].faults.reset();
    }
  });

  it('stops promptly with a call in flight to a hanging pod, and leaves nothing running', async () => {
    sim.pods[0].faults.update({ hang: true });
    try {
      await new SetFlavorExtraSpecsHandler(bed.writer()).execute(
        new SetFlavorExtraSpecsCommand('2', { a: 'b' }, flavorAdminContext()),
      );
      const running = reconciler({ retryBaseMs: 60_000 });
      running.start();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = Date.now();
      await running.stop();
      expect(Date.now() - started).toBeLessThan(500);
      expect(running.state).toBe('stopped');
    } finally {
      sim.pods[0].faults.reset();
    }
  });

  it('is off without service credentials (noauth), saying so once', async () => {
    const off = reconciler({}, null);
    off.start();
    off.start();
    expect(off.state).toBe('off');
    expect(logged).toEqual(['LOG flavor sync to pods off: no service credentials (noauth mode)']);
  });
});
