import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { CommandBus, CqrsModule, QueryBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { loadConfig, PODGATE_CONFIG } from '@podgate/config';
import { EVENT_STORE, type RecordedEvent } from '@podgate/event-store';
import { DeregisterPodCommand, POD_USE_COUNTER, type PodUseCounter, PodsModule, PodStillInUseError } from '@podgate/pods';
import { migrateReadModel, READ_MODEL_SQL } from '@podgate/read-model';
import { routingsProjection } from '@podgate/routing';
import { BindingsModule } from './bindings.module';
import { EndBindingCommand } from './commands/end-binding/end-binding.command';
import { PinTenantCommand } from './commands/pin-tenant/pin-tenant.command';
import { SelectPodCommand } from './commands/select-pod/select-pod.command';
import { FindBindingQuery, ListBindingsQuery } from './queries/bindings/bindings-query.handlers';
import { adminContext, type BindingsTestBed, openBindingsTestBed, tenantContext } from './testing/bindings-test-bed';

@Module({})
class TestRuntimeModule {
  /** What RuntimeModule provides globally in the gateway. */
  static with(bed: BindingsTestBed): DynamicModule {
    const providers = [
      { provide: EVENT_STORE, useValue: bed.store },
      { provide: READ_MODEL_SQL, useValue: bed.sql },
      { provide: PODGATE_CONFIG, useValue: loadConfig({}) },
    ];
    return { module: TestRuntimeModule, global: true, providers, exports: providers.map((p) => p.provide) };
  }
}

const routed = (topId: string, podId: string): RecordedEvent => ({
  id: crypto.randomUUID(),
  type: 'ResourceRouted',
  data: { resourceType: 'server', topId, bottomId: `bottom-${topId}`, podId, projectId: 'tenant-m', azName: 'module-az' },
  metadata: {
    correlationId: 'c',
    causationId: 'c',
    requestId: 'r',
    actor: { userId: 'u', projectId: 'p', roles: [] },
    occurredAt: '2026-01-01T00:00:00.000Z',
  },
  stream: `server-${topId}`,
  revision: 0n,
  position: { commit: 1n, prepare: 1n },
  recordedAt: new Date('2026-01-01T00:00:00.000Z'),
});

describe('BindingsModule (Nest, PGlite)', () => {
  let bed: BindingsTestBed;
  let app: INestApplicationContext;

  beforeAll(async () => {
    bed = await openBindingsTestBed();
    await migrateReadModel(bed.sql, [routingsProjection]);
    const moduleRef = await Test.createTestingModule({
      imports: [TestRuntimeModule.with(bed), CqrsModule.forRoot(), BindingsModule, PodsModule],
    }).compile();
    moduleRef.useLogger(false);
    app = await moduleRef.init();
  });
  afterAll(async () => {
    await app.close();
    await bed.close();
  });

  it('serves SelectPod, PinTenant, EndBinding and the binding queries through the buses', async () => {
    const [podA, podB] = [
      await bed.registerPod('module-a', { azName: 'module-az' }),
      await bed.registerPod('module-b', { azName: 'module-az' }),
    ];
    await bed.caughtUp();
    const commands = app.get(CommandBus);
    const queries = app.get(QueryBus);

    const selected = await commands.execute(new SelectPodCommand('tenant-m', 'module-az', null, tenantContext('tenant-m')));
    expect(selected).toMatchObject({ created: true, pod: { podId: podA } });
    const pinned = await commands.execute(new PinTenantCommand('tenant-m', 'module-az', null, podB, adminContext()));
    expect(await queries.execute(new FindBindingQuery(pinned.bindingId))).toEqual(pinned);
    const ended = await commands.execute(new EndBindingCommand(pinned.bindingId, 'done', adminContext()));
    expect(ended).toMatchObject({ active: false, endReason: 'done' });
    const history = await queries.execute(new ListBindingsQuery({ projectId: 'tenant-m' }));
    expect(history.map((b) => [b.podId, b.reason, b.endReason])).toEqual([
      [podA, 'first-request', 'admin-pin'],
      [podB, 'admin-pin', 'done'],
    ]);
  });

  it('gives PodsModule the PodUseCounter it needs to refuse deregistering a pod in use', async () => {
    const pod = await bed.registerPod('module-busy', { azName: 'busy-az' });
    await bed.caughtUp();
    await app.get(CommandBus).execute(new SelectPodCommand('tenant-busy', 'busy-az', null, tenantContext('tenant-busy')));
    await bed.caughtUp();
    await bed.sql.transaction((tx) => routingsProjection.apply(tx, [routed('s1', pod), routed('s2', pod)]));

    const counter = app.get<PodUseCounter>(POD_USE_COUNTER);
    expect([await counter.activeBindings(pod), await counter.routedResources(pod)]).toEqual([1, 2]);
    const refusal = app.get(CommandBus).execute(new DeregisterPodCommand({ podId: pod }, adminContext()));
    await expect(refusal).rejects.toBeInstanceOf(PodStillInUseError);
    await expect(refusal).rejects.toThrow(/1 active binding\(s\) and 2 routed resource\(s\)/);
  });
});
