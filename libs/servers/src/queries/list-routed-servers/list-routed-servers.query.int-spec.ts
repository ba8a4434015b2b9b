import { CreateServerCommand } from '../../commands/create-server/create-server.command';
import { createServerInput, openServersTestBed, type ServersTestBed } from '../../testing/servers-test-bed';
import { ListRoutedServersQuery, listRoutedServers } from './list-routed-servers.query';
import { ListRoutedServersHandler } from './list-routed-servers.handler';

describe('ListRoutedServers (PGlite, pod simulator)', () => {
  let bed: ServersTestBed;

  beforeAll(async () => (bed = await openServersTestBed()));
  afterAll(() => bed?.close());

  it('reads at most `limit` routes, newest first, (default and ceiling 1,000)', async () => {
    const alice = bed.tenant('alice');
    const handlers = bed.handlers();
    const made: string[] = [];
    for (const name of ['one', 'two', 'three']) {
      const input = createServerInput(alice, { name }, { azName: 'az2' });
      made.push((await handlers.create.execute(new CreateServerCommand(input, alice.context()))).serverIds[0]);
    }
    await bed.caughtUp();
    const pods = [bed.pods[1].podId];
    const ids = (rows: { serverId: string }[]) => rows.map((row) => row.serverId);
    const handler = new ListRoutedServersHandler(bed.sql);
    expect(ids(await handler.execute(new ListRoutedServersQuery(alice.projectId, pods)))).toEqual([...made].reverse());
    expect(ids(await handler.execute(new ListRoutedServersQuery(alice.projectId, pods, 2)))).toEqual([made[2], made[1]]);
    expect(ids(await listRoutedServers(bed.sql, null, pods, 1))).toEqual([made[2]]);
    expect(await listRoutedServers(bed.sql, null, pods, 0)).toEqual([]);
    expect(ids(await listRoutedServers(bed.sql, null, pods, 1_000_000))).toEqual([...made].reverse());
  });
});
