// Test helper (excluded from the build): what the servers e2e specs share.
import { CIRROS_IMAGE_ID } from '../../../../../pod-simulator/src/glance/image-store';
import { eventually } from '../../../../../../test/eventually';
import type { ComputeHarness } from '../../../testing/gateway-harness';

export const IMAGE_ID = CIRROS_IMAGE_ID;
export const FLAVOR_ID = 'e2e.srv';

/** Projections and the flavor reconciler work in the background. */
export { eventually };

/** A small public flavor defined through podgate and pushed to every registered pod; quotas raised for bulk creates. */
export async function prepareServers(h: ComputeHarness): Promise<void> {
  for (const pod of h.pods) Object.assign(pod.sim.state.config.quotas, { instances: 1000, cores: 10_000, ram: 10_000_000 });
  const flavor = { id: FLAVOR_ID, name: 'e2e-srv', ram: 64, vcpus: 1, disk: 1 };
  await h.as('admin').post('/compute/v2.1/flavors', { flavor }).expect(200);
  await eventually(() => {
    for (const pod of h.pods)
      if (pod.podId && !pod.sim.state.nova.flavors.find(FLAVOR_ID)) throw new Error(`${pod.name} lacks the flavor`);
  }, 30_000);
}

/** A create body valid at 2.37+ (networks required). */
export const serverBody = (name: string, extra: Record<string, unknown> = {}) => ({
  server: { name, imageRef: IMAGE_ID, flavorRef: FLAVOR_ID, networks: 'none', ...extra },
});

export const V = (version: string) => ['OpenStack-API-Version', `compute ${version}`] as const;
