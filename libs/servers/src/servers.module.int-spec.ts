import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus, CqrsModule, QueryBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { BindingsModule } from '@podgate/bindings';
import { TestRuntimeModule } from '@podgate/routed-resources/testing';
import { CreateServerCommand } from './commands/create-server/create-server.command';
import { DeleteServerCommand } from './commands/delete-server/delete-server.command';
import { RequestServerActionCommand } from './commands/request-server-action/request-server-action.command';
import { serverStream } from './domain/server.stream';
import { ListRoutedServersQuery } from './queries/list-routed-servers/list-routed-servers.query';
import { ListServerPodsQuery } from './queries/list-server-pods/list-server-pods.query';
import { LocateServerQuery } from './queries/locate-server/locate-server.query';
import { ServersModule } from './servers.module';
import { createServerInput, openServersTestBed, type ServersTestBed } from './testing/servers-test-bed';

describe('ServersModule (Nest, PGlite, pod simulator)', () => {
  let bed: ServersTestBed;
  let app: INestApplicationContext;

  beforeAll(async () => {
    // A third pod nobody uses; Pod2 deletes slowly, so a confirmation is still running at shutdown.
    bed = await openServersTestBed([{ az: 'pod-az1' }, { az: 'pod-az2', delays: { actionMs: 600_000 } }, { az: 'pod-az3' }]);
    const moduleRef = await Test.createTestingModule({
      imports: [TestRuntimeModule.with(bed), CqrsModule.forRoot(), BindingsModule, ServersModule],
    }).compile();
    moduleRef.useLogger(false);
    app = await moduleRef.init();
  });
  afterAll(async () => {
    await app?.close();
    await bed?.close();
  });

  it('serves the commands and queries through the buses, and closes without waiting for a confirmation', async () => {
    const [commands, queries] = [app.get(CommandBus), app.get(QueryBus)];
    const alice = bed.tenant('alice');
    const bob = bed.tenant('bob');
    const created = await commands.execute(new CreateServerCommand(createServerInput(alice), alice.context()));
    const [serverId] = created.serverIds;
    const bobs = await commands.execute(new CreateServerCommand(createServerInput(bob, {}, { azName: 'az2' }), bob.context()));

    const location = await queries.execute(new LocateServerQuery(serverId, alice.projectId));
    expect(location).toMatchObject({ serverId, projectId: alice.projectId, azName: 'az1', pod: { podId: bed.pods[0].podId } });
    await expect(queries.execute(new LocateServerQuery(serverId, bob.projectId))).rejects.toMatchObject({ kind: 'itemNotFound' });

    const stop = { method: 'POST', path: `/servers/${serverId}/action`, token: alice.token, body: { 'os-stop': null } };
    expect((await commands.execute(new RequestServerActionCommand(serverId, 'os-stop', stop, alice.context()))).status).toBe(202);

    await bed.caughtUp();
    const podIds = bed.pods.map((p) => p.podId);
    expect((await queries.execute(new ListServerPodsQuery(alice.projectId))).map((p) => p.podId)).toEqual([podIds[0]]);
    expect((await queries.execute(new ListServerPodsQuery(null))).map((p) => p.podId)).toEqual(podIds);
    expect(await queries.execute(new ListServerPodsQuery('tenant-without-anything'))).toEqual([]);
    const routed = await queries.execute(new ListRoutedServersQuery(null, [podIds[1], podIds[2]]));
    expect(routed).toEqual([
      { serverId: bobs.serverIds[0], projectId: bob.projectId, podId: podIds[1], azName: 'az2', createdAt: expect.any(String) },
    ]);
    expect(await queries.execute(new ListRoutedServersQuery(alice.projectId, [podIds[1]]))).toEqual([]);

    const remove = { method: 'DELETE', path: `/servers/${bobs.serverIds[0]}`, token: bob.token };
    expect((await commands.execute(new DeleteServerCommand(bobs.serverIds[0], remove, bob.context()))).status).toBe(204);
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await bed.history(serverStream(bobs.serverIds[0]))).map((e) => e.type)).toEqual([
      'ServerCreated',
      'ResourceRouted',
      'ServerDeleteRequested',
    ]);
  });
});
