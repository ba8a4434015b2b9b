// Test helper (excluded from the build): what the volumes e2e specs share.
import type { RecordedEvent } from '@podgate/event-store';
import { volumeProvisioningStream, volumeResourceStream } from '@podgate/volumes';
import { eventually } from '../../../../../../test/eventually';
import type { ComputeHarness, SeedUser } from '../../../testing/gateway-harness';

/** Projections, deletion confirmation and the simulated Cinder's transitions work in the background. */
export { eventually };

/** The volume API's microversion header. */
export const VV = (version: string) => ['OpenStack-API-Version', `volume ${version}`] as const;

export type Volume = Record<string, unknown> & { id: string; name: string; availability_zone: string; created_at: string };

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

/** The simulated Cinder's record of a volume, wherever it is. */
export const simVolume = (h: ComputeHarness, volumeId: string) =>
  h.pods.map((pod) => pod.sim.state.cinder.volumes.get(volumeId)).find((volume) => volume !== undefined);

/** The events of a volume's own stream (`volume-<id>`). */
export const volumeStream = (h: ComputeHarness, volumeId: string): Promise<RecordedEvent[]> =>
  h.store.readStream(volumeResourceStream('volume', volumeId));

/** Event types and recorded actions (of VolumeActionRequested) of a volume's stream. */
export async function volumeEvents(h: ComputeHarness, volumeId: string): Promise<{ types: string[]; actions: string[] }> {
  const events = await volumeStream(h, volumeId);
  return {
    types: events.map((event) => event.type),
    actions: events
      .filter((event) => event.type === 'VolumeActionRequested')
      .map((event) => (event.data as { action: string }).action),
  };
}

/**
 * The create's intent stream (`volumeProvisioning-<pid>`), found through the provisioning id its
 * VolumeCreated names: the intent is recorded before the pod has given the volume an id.
 */
export async function provisioningEvents(h: ComputeHarness, volumeId: string): Promise<RecordedEvent[]> {
  const created = (await volumeStream(h, volumeId)).find((event) => event.type === 'VolumeCreated');
  if (!created) throw new Error(`volume ${volumeId} has no VolumeCreated`);
  return h.store.readStream(volumeProvisioningStream('volume', (created.data as { provisioningId: string }).provisioningId));
}
