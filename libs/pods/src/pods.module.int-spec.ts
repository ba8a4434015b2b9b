import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { CommandBus, CqrsModule, QueryBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { loadConfig, PODGATE_CONFIG, type PodgateConfig } from '@podgate/config';
import { EVENT_STORE } from '@podgate/event-store';
import { KEYSTONE_CLIENT, KeystoneClient } from '@podgate/openstack';
import { READ_MODEL_SQL } from '@podgate/read-model';
import { type SimulatorHandle, startSimulator } from '../../../apps/pod-simulator/src/simulator';
import { DeregisterPodCommand } from './commands/deregister-pod/deregister-pod.command';
import { POD_USE_COUNTER, type PodUseCounter } from './commands/deregister-pod/pod-use-counter.port';
import { RegisterPodCommand } from './commands/register-pod/register-pod.command';
import { PodStillInUseError } from './domain/pod.errors';
import { podIdFor } from './domain/pod.stream';
import { FindPodQuery } from './queries/pods/find-pod.query';
import { ListPodsQuery } from './queries/pods/list-pods.query';
import { PodsModule } from './pods.module';
import { adminContext, openPodsTestBed, type PodsTestBed } from './testing/pods-test-bed';
import { UsageCollector } from './usage/usage-collector';

@Module({})
class TestRuntimeModule {
  /** What RuntimeModule, UpstreamModule and the bindings lib provide globally in the gateway. */
  static with(bed: PodsTestBed, config: PodgateConfig, counter: PodUseCounter): DynamicModule {
    const { auth } = config;
    const keystone = auth.strategy === 'keystone' ? new KeystoneClient({ ...auth, url: auth.url }) : null;
    const providers = [
      { provide: EVENT_STORE, useValue: bed.store },
      { provide: READ_MODEL_SQL, useValue: bed.sql },
      { provide: PODGATE_CONFIG, useValue: config },
      { provide: POD_USE_COUNTER, useValue: counter },
      { provide: KEYSTONE_CLIENT, useValue: keystone },
    ];
    return { module: TestRuntimeModule, global: true, providers, exports: providers.map((p) => p.provide) };
  }
}

describe('PodsModule (Nest, PGlite)', () => {
  let bed: PodsTestBed;
  let app: INestApplicationContext | undefined;
  const inUse: PodUseCounter = { activeBindings: async () => 1, routedResources: async () => 0 };

  const boot = async (config: PodgateConfig) => {
    const moduleRef = await Test.createTestingModule({
      imports: [TestRuntimeModule.with(bed, config, inUse), CqrsModule.forRoot(), PodsModule],
    }).compile();
    moduleRef.useLogger(false);
    app = await moduleRef.init();
    return app;
  };

  beforeAll(async () => (bed = await openPodsTestBed()));
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  afterAll(() => bed.close());

  it('serves the pod commands and queries through the buses; the collector stays off in noauth mode', async () => {
    const nest = await boot(loadConfig({}));
    const commands = nest.get(CommandBus);
    const queries = nest.get(QueryBus);
    const view = await commands.execute(new RegisterPodCommand({ name: 'PodA', azName: 'az1' }, adminContext()));
    expect(view).toMatchObject({ podId: podIdFor('PodA'), status: 'active' });
    expect(await queries.execute(new FindPodQuery(view.podId))).toEqual(view);
    expect((await queries.execute(new ListPodsQuery({ azName: 'az1' }))).map((p) => p.name)).toEqual(['PodA']);
    await expect(commands.execute(new DeregisterPodCommand({ podId: view.podId }, adminContext()))).rejects.toBeInstanceOf(
      PodStillInUseError,
    );
    expect(nest.get(UsageCollector).state).toBe('off');
  });

  describe('with Keystone', () => {
    let sim: SimulatorHandle;
    beforeAll(async () => (sim = await startSimulator({ pods: 1, basePort: 0 })));
    afterAll(() => sim.stop());

    it('polls pod usage from bootstrap on, and stops at shutdown', async () => {
      const config = loadConfig({
        KEYSTONE_URL: sim.authUrl,
        PODGATE_SERVICE_PASSWORD: 'podgate-secret',
        PODGATE_USAGE_POLL_SECONDS: '0.05',
      });
      const nest = await boot(config);
      const pod = await nest.get(CommandBus).execute(new RegisterPodCommand({ name: 'Pod1', azName: 'az1' }, adminContext()));
      const queries = nest.get(QueryBus);
      const deadline = Date.now() + 10_000;
      let usage = pod.usage;
      while (!usage && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        usage = (await queries.execute(new FindPodQuery(pod.podId)))?.usage ?? null;
      }
      expect(usage).toMatchObject({ reachable: true, vcpus: 32, usedFraction: 0 });
      const collector = nest.get(UsageCollector);
      expect(collector.state).toBe('running');
      await nest.close();
      app = undefined;
      expect(collector.state).toBe('stopped');
    });
  });
});
