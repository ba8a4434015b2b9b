// GET /servers/{id} while the server's pod is down: Nova's down-cell answer from 2.69, the 503 below
// (real sockets; the pod's listener is closed, so connections are refused).
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { eventually, prepareServers, serverBody, V } from './testing/servers-e2e';

/** _show_from_down_cell's keys, in Nova's order (server_groups from 2.71). */
const DOWN_CELL_KEYS = [
  'id',
  'status',
  'tenant_id',
  'created',
  'links',
  'image',
  'flavor',
  'OS-EXT-AZ:availability_zone',
  'OS-EXT-STS:power_state',
  'user_id',
];

describe('showing a server whose pod is down (real sockets)', () => {
  let h: ComputeHarness;
  let serverId: string;
  let otherId: string;
  /** When podgate routed the server, as Nova's isotime prints it. */
  let created: string;

  const show = (id: string, version: string, user = 'alice') =>
    h
      .as(user)
      .get(`/compute/v2.1/servers/${id}`)
      .set(...V(version));

  beforeAll(async () => {
    // Pod2's own AZ is `nova`; users know it as az2, and so must the partial record.
    h = await startComputeHarness({ pods: [{ az: 'az1' }, { az: 'az2', podAz: 'nova' }] });
    await prepareServers(h);
    const create = async (az: string) =>
      (
        await h
          .as('alice')
          .post('/compute/v2.1/servers', serverBody(`in-${az}`, { availability_zone: az }))
          .set(...V('2.37'))
          .expect(202)
      ).body.server.id as string;
    serverId = await create('az2');
    otherId = await create('az1');
    created = await eventually(async () => {
      const { rows } = await h.sql.query<{ created_at: Date | string }>(
        "SELECT created_at FROM rm_routings WHERE top_id = $1 AND resource_type = 'server'",
        [serverId],
      );
      expect(rows).toHaveLength(1);
      return new Date(rows[0].created_at).toISOString().replace(/\.\d+Z$/, 'Z');
    });
    await h.pods[1].sim.down();
  }, 120_000);
  afterAll(async () => {
    await h?.pods[1].sim.up();
    await h?.close();
  });

  it('answers 200 from 2.69 with Nova’s partial record: its keys in its order, status UNKNOWN', async () => {
    const answer = await show(serverId, '2.69').expect(200);
    expect(answer.headers['openstack-api-version']).toBe('compute 2.69');
    expect(Object.keys(answer.body)).toEqual(['server']);
    expect(Object.keys(answer.body.server)).toEqual(DOWN_CELL_KEYS);
    expect(answer.body.server).toEqual({
      id: serverId,
      status: 'UNKNOWN',
      tenant_id: h.projectIdOf('tenant-a'),
      created,
      links: [
        { rel: 'self', href: `${h.url}/compute/v2.1/servers/${serverId}` },
        { rel: 'bookmark', href: `${h.url}/compute/servers/${serverId}` },
      ],
      image: '',
      flavor: {},
      'OS-EXT-AZ:availability_zone': 'az2',
      'OS-EXT-STS:power_state': 0,
      user_id: 'UNKNOWN',
    });
  });

  it('adds server_groups from 2.71, as Nova', async () => {
    const answer = await show(serverId, '2.71').expect(200);
    expect(Object.keys(answer.body.server)).toEqual([...DOWN_CELL_KEYS, 'server_groups']);
    expect(answer.body.server.server_groups).toEqual([]);
  });

  it.each(['2.1', '2.68'])('keeps the 503 naming the pod at %s', async (version) => {
    const answer = await show(serverId, version).expect(503);
    expect(answer.body.serviceUnavailable.message).toContain(h.pods[1].name);
  });

  it('still answers 404 for another tenant’s server, never confirming it', async () => {
    await show(serverId, '2.69', 'bob').expect(404);
  });

  it('serves the servers of pods that answer in full', async () => {
    const answer = await show(otherId, '2.69').expect(200);
    expect(answer.body.server).toMatchObject({ id: otherId, name: 'in-az1', 'OS-EXT-AZ:availability_zone': 'az1' });
  });

  it('gives the partial record only for the server itself: its sub-resources stay 503', async () => {
    await h
      .as('alice')
      .get(`/compute/v2.1/servers/${serverId}/ips`)
      .set(...V('2.69'))
      .expect(503);
  });
});
