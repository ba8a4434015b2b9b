import { randomUUID } from 'node:crypto';
import { type Answer, call, type CloudTarget, waitForStatus } from './cloud-target';
import type { Observation } from './compute-scenario';

const mv = 'volume 3.0';
const schema = (name: string) => `volume/v3/volumes_client:VolumesClient:${name}@3.0`;

/** Create, show, list and delete a volume: what podgate's Cinder gateway forwards most. */
export async function volumeScenario(target: CloudTarget): Promise<Observation[]> {
  const seen: Observation[] = [];
  const see = (step: string, answer: Answer, tempest?: string) => {
    seen.push({ step, status: answer.status, body: answer.body, tempest });
    return answer;
  };
  const created = see(
    'POST /volumes',
    await call(target, 'volume', 'POST', '/volumes', {
      microversion: mv,
      body: { volume: { size: 1, name: `fidelity-${randomUUID().slice(0, 8)}` } },
    }),
    schema('create_volume'),
  );
  const id = (created.body as { volume: { id: string } }).volume.id;
  await waitForStatus(target, 'volume', `/volumes/${id}`, {
    resource: 'volume',
    status: 'available',
    failed: 'error',
    microversion: mv,
  });
  see('GET /volumes/{id}', await call(target, 'volume', 'GET', `/volumes/${id}`, { microversion: mv }), schema('show_volume'));
  see(
    'GET /volumes/detail',
    await call(target, 'volume', 'GET', '/volumes/detail', { microversion: mv }),
    schema('list_volumes_with_detail'),
  );
  see('GET unknown volume (404)', await call(target, 'volume', 'GET', `/volumes/${randomUUID()}`, { microversion: mv }));
  see(
    'DELETE /volumes/{id}',
    await call(target, 'volume', 'DELETE', `/volumes/${id}`, { microversion: mv }),
    schema('delete_volume'),
  );
  return seen;
}
