// Nova's shapes asserted in full; the same answers against Tempest's response schemas (Debian
// python3-tempest) are in availability-zones-tempest.system-spec.ts, run by `npm run test:system`.
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';

describe('compute os-availability-zone (gateway + simulated pods, real sockets)', () => {
  let h: ComputeHarness;

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1', podAz: 'nova' }, { az: 'az2' }, { az: 'az1', podAz: 'zone-b' }] });
  });
  afterAll(() => h?.close());

  it('lists the user-visible zones of the active pods, never the pods’ own', async () => {
    const answer = await h.as('alice').get('/compute/v2.1/os-availability-zone').expect(200);
    expect(answer.body).toEqual({
      availabilityZoneInfo: [
        { zoneName: 'az1', zoneState: { available: true }, hosts: null },
        { zoneName: 'az2', zoneState: { available: true }, hosts: null },
      ],
    });
  });

  it('shows admins each pod as a host of its zone, and refuses others', async () => {
    const answer = await h.as('admin').get('/compute/v2.1/os-availability-zone/detail').expect(200);
    // Each host carries one service with exactly Nova's three fields; times naive, with microseconds.
    const service = {
      'nova-compute': {
        available: true,
        active: true,
        updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/),
      },
    };
    expect(answer.body).toEqual({
      availabilityZoneInfo: [
        { zoneName: 'az1', zoneState: { available: true }, hosts: { Pod1: service, Pod3: service } },
        { zoneName: 'az2', zoneState: { available: true }, hosts: { Pod2: service } },
      ],
    });
    expect(answer.body.availabilityZoneInfo.map((zone: { hosts: object }) => Object.keys(zone.hosts))).toEqual([
      ['Pod1', 'Pod3'],
      ['Pod2'],
    ]);
    await h.as('alice').get('/compute/v2.1/os-availability-zone/detail').expect(403);
  });

  it('drops a zone whose last pod is deregistered', async () => {
    await h.as('admin').delete(`/v1.0/pods/${h.pods[1].podId}`).expect(204);
    const answer = await h.as('alice').get('/compute/v2.1/os-availability-zone').expect(200);
    expect(answer.body.availabilityZoneInfo.map((zone: { zoneName: string }) => zone.zoneName)).toEqual(['az1']);
  });
});
