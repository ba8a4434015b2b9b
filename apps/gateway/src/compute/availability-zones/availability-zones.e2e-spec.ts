import type { TempestSchema } from '../../../../../test/openstack/fidelity/tempest-schemas';
import { expectTempestValid, unversionedSchemas } from '../flavors/testing/flavor-schemas';
import { type ComputeHarness, startComputeHarness } from '../testing/compute-harness';

describe('compute os-availability-zone (gateway + simulated pods, real sockets)', () => {
  let h: ComputeHarness;
  let schemas: Record<string, TempestSchema>;

  beforeAll(async () => {
    schemas = unversionedSchemas();
    h = await startComputeHarness({ pods: [{ az: 'az1', podAz: 'nova' }, { az: 'az2' }, { az: 'az1', podAz: 'zone-b' }] });
  });
  afterAll(() => h?.close());

  it('lists the user-visible zones of the active pods, never the pods’ own', async () => {
    const answer = await h.as('alice').get('/compute/v2.1/os-availability-zone').expect(200);
    expectTempestValid(schemas.zones, 200, answer.body);
    expect(answer.body).toEqual({
      availabilityZoneInfo: [
        { zoneName: 'az1', zoneState: { available: true }, hosts: null },
        { zoneName: 'az2', zoneState: { available: true }, hosts: null },
      ],
    });
  });

  it('shows admins each pod as a host of its zone, and refuses others', async () => {
    const answer = await h.as('admin').get('/compute/v2.1/os-availability-zone/detail').expect(200);
    expectTempestValid(schemas.zones_detail, 200, answer.body);
    const hosts = (answer.body.availabilityZoneInfo as Array<{ zoneName: string; hosts: Record<string, unknown> }>).map(
      (zone) => [zone.zoneName, Object.keys(zone.hosts)],
    );
    expect(hosts).toEqual([
      ['az1', ['Pod1', 'Pod3']],
      ['az2', ['Pod2']],
    ]);
    await h.as('alice').get('/compute/v2.1/os-availability-zone/detail').expect(403);
  });

  it('drops a zone whose last pod is deregistered', async () => {
    await h.as('admin').delete(`/v1.0/pods/${h.pods[1].podId}`).expect(204);
    const answer = await h.as('alice').get('/compute/v2.1/os-availability-zone').expect(200);
    expect(answer.body.availabilityZoneInfo.map((zone: { zoneName: string }) => zone.zoneName)).toEqual(['az1']);
  });
});
