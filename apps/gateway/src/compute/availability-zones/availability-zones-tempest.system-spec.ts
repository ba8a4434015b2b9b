// podgate's os-availability-zone answers against Tempest's own response schemas (Debian python3-tempest,
// loaded by /usr/bin/python3): the system tier, since `npm test` needs no system package. The e2e spec
// next to this one asserts the same shapes field by field.
import { type TempestSchema, tempestProblems } from '../../../../../test/openstack/fidelity/tempest-schemas';
import { expectTempestValid, unversionedSchemas } from '../flavors/testing/flavor-schemas';
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';

describe('compute os-availability-zone against Tempest’s response schemas (python3-tempest)', () => {
  let h: ComputeHarness;
  let schemas: Record<string, TempestSchema>;

  beforeAll(async () => {
    schemas = unversionedSchemas();
    h = await startComputeHarness({ pods: [{ az: 'az1', podAz: 'nova' }, { az: 'az2' }, { az: 'az1', podAz: 'zone-b' }] });
  });
  afterAll(() => h?.close());

  it('lists and details the zones as Tempest expects', async () => {
    const list = await h.as('alice').get('/compute/v2.1/os-availability-zone').expect(200);
    expectTempestValid(schemas.zones, 200, list.body);
    const detail = await h.as('admin').get('/compute/v2.1/os-availability-zone/detail').expect(200);
    expectTempestValid(schemas.zones_detail, 200, detail.body);
    // Not vacuous: a host's service without updated_at is refused.
    const broken = structuredClone(detail.body);
    delete broken.availabilityZoneInfo[0].hosts.Pod1['nova-compute'].updated_at;
    expect(tempestProblems(schemas.zones_detail, 200, broken)).toEqual([
      "/availabilityZoneInfo/0/hosts/Pod1/nova-compute must have required property 'updated_at'",
    ]);
  });

  it('still matches with a zone unavailable (its only pod in maintenance)', async () => {
    await h
      .as('admin')
      .put(`/v1.0/pods/${h.pods[1].podId}`, { pod: { maintenance: true } })
      .expect(200);
    const list = await h.as('alice').get('/compute/v2.1/os-availability-zone').expect(200);
    expect(list.body.availabilityZoneInfo).toContainEqual({ zoneName: 'az2', zoneState: { available: false }, hosts: null });
    expectTempestValid(schemas.zones, 200, list.body);
    const detail = await h.as('admin').get('/compute/v2.1/os-availability-zone/detail').expect(200);
    expectTempestValid(schemas.zones_detail, 200, detail.body);
  });
});
