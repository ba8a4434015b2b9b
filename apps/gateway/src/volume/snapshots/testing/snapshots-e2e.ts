// Test helper (excluded from the build): what the snapshot, backup and attachment e2e specs share.
import type { ComputeHarness, SeedUser } from '../../../testing/gateway-harness';
import { createVolume } from '../../volumes/testing/volumes-e2e';

type Item = Record<string, unknown> & { id: string };

/** A volume of `user` in the pod of `az`, made through podgate; answers its id. */
export async function volumeIn(
  h: ComputeHarness,
  user: SeedUser,
  az: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  return (await createVolume(h, user, { availability_zone: az, ...extra })).id;
}

/** Creates a snapshot or a backup of a volume through podgate (202 expected) and answers its body. */
async function createOfVolume(h: ComputeHarness, user: SeedUser, kind: 'snapshot' | 'backup', body: Record<string, unknown>) {
  const answer = await h
    .as(user)
    .post(`/volume/v3/${kind}s`, { [kind]: body })
    .expect(202);
  return answer.body[kind] as Item;
}

export const createSnapshot = (h: ComputeHarness, user: SeedUser, volumeId: string, extra: Record<string, unknown> = {}) =>
  createOfVolume(h, user, 'snapshot', { volume_id: volumeId, ...extra });

export const createBackup = (h: ComputeHarness, user: SeedUser, volumeId: string, extra: Record<string, unknown> = {}) =>
  createOfVolume(h, user, 'backup', { volume_id: volumeId, ...extra });

/** Event types and recorded actions of one stream (`snapshot-<id>`, `backup-<id>`, `volume-<id>`). */
export async function streamEvents(h: ComputeHarness, stream: string): Promise<{ types: string[]; actions: string[] }> {
  const events = await h.store.readStream(stream);
  return {
    types: events.map((event) => event.type),
    actions: events.map((event) => (event.data as { action?: string }).action ?? '').filter((action) => action !== ''),
  };
}

/** The pods (indexes) rm_routings names for a resource. */
export async function routedPods(h: ComputeHarness, type: string, id: string): Promise<number[]> {
  const { rows } = await h.sql.query<{ pod_id: string }>(
    'SELECT pod_id FROM rm_routings WHERE top_id = $1 AND resource_type = $2',
    [id, type],
  );
  return rows.map((row) => h.pods.findIndex((pod) => pod.podId === row.pod_id));
}
