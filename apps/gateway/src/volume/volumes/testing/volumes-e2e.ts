// Test helper (excluded from the build): what the volumes e2e specs share.
import type { ComputeHarness, SeedUser } from '../../../testing/gateway-harness';

export { eventually } from '../../../compute/servers/testing/servers-e2e';

/** The volume API's microversion header. */
export const VV = (version: string) => ['OpenStack-API-Version', `volume ${version}`] as const;

type Volume = Record<string, unknown> & { id: string; name: string; availability_zone: string };

/** Creates a volume through podgate and answers its body (202 expected). */
export async function createVolume(h: ComputeHarness, user: SeedUser, volume: Record<string, unknown>): Promise<Volume> {
  const answer = await h
    .as(user)
    .post('/volume/v3/volumes', { volume: { size: 1, ...volume } })
    .expect(202);
  return answer.body.volume as Volume;
}

/** The pod (index) that holds a volume, as the simulators see it. */
export const podOfVolume = (h: ComputeHarness, volumeId: string): number =>
  h.pods.findIndex((pod) => pod.sim.state.cinder.volumes.has(volumeId));

/** Event types and recorded actions of a volume's stream. */
export async function volumeEvents(h: ComputeHarness, volumeId: string): Promise<{ types: string[]; actions: string[] }> {
  const events = await h.store.readStream(`volume-${volumeId}`);
  return {
    types: events.map((event) => event.type),
    actions: events.map((event) => (event.data as { action?: string }).action ?? '').filter((action) => action !== ''),
  };
}
