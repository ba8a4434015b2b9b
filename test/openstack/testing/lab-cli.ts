// podgate (in-process) in front of the lab's two REAL pods, seen through the real Debian `openstack`
// CLI: what the compute and volume CLI suites of test:openstack share. A tenant of its own per run
// (the lab's `demo` is shared with other suites), a temporary Keystone region whose compute and volume
// endpoints are podgate's, and on close whatever a failed step left on the pods.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliRunner } from '../../system/testing/cli-steps';
import { OPENSTACK, runCli } from '../../system/testing/openstack-cli';
import { LAB_PODS, startLabGateway } from './lab-gateway';
import { addPodgateRegion, addTemporaryMember, LAB_ADMIN, LAB_AUTH_URL, labLogin, type LabSession } from './lab-keystone';

export type LabApi = 'compute' | 'volumev3';

export interface LabCli extends CliRunner {
  /** GET on pod `pod`'s own API as the run's member or the admin (the volume API under that session's project). */
  podGet(
    who: 'member' | 'admin',
    pod: number,
    api: LabApi,
    path: string,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  /** Whether the pod itself has the flavor (the gateway's flavors reach pods through the reconciler). */
  podHasFlavor(pod: number, flavorId: string): Promise<boolean>;
  close(): Promise<void>;
}

export async function startLabCli(prefix: string): Promise<LabCli> {
  if (!existsSync(OPENSTACK))
    throw new Error(`${OPENSTACK} is missing: apt-get install -y --no-install-recommends python3-openstackclient`);
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((error: unknown) => console.warn(`lab cleanup: ${String(error)}`));
  };
  try {
    const admin = await labLogin(LAB_ADMIN);
    const tenant = await addTemporaryMember(admin, `${prefix}tenant`);
    cleanups.push(() => tenant.remove());
    const member = await labLogin(tenant.user);
    const sessions = { admin, member };
    const podGet: LabCli['podGet'] = async (who, pod, api, path) => {
      const session = sessions[who];
      const response = await fetch(`${session.endpoint(LAB_PODS[pod].name, api)}${path}`, {
        headers: { 'x-auth-token': session.token },
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    cleanups.push(() => removeLeftovers(prefix, sessions, podGet));
    const gateway = await startLabGateway(admin);
    cleanups.push(() => gateway.close());
    const region = await addPodgateRegion(admin, gateway.url);
    cleanups.push(() => region.remove());
    const home = mkdtempSync(join(tmpdir(), 'podgate-lab-cli-'));
    cleanups.push(async () => rmSync(home, { recursive: true, force: true }));
    return {
      cli: (who, args, pod = 0) =>
        runCli(
          home,
          who === 'member' ? tenant.user : LAB_ADMIN,
          {
            authUrl: LAB_AUTH_URL,
            region: region.name,
            imageUrl: admin.endpoint(LAB_PODS[pod].name, 'image'),
            networkUrl: admin.endpoint(LAB_PODS[pod].name, 'network'),
          },
          args,
        ),
      podGet,
      podHasFlavor: async (pod, flavorId) => (await podGet('admin', pod, 'compute', `/flavors/${flavorId}`)).status === 200,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

type Named = { id: string; name: string };

/**
 * This run's servers, snapshots, volumes, then the flavors and volume types pushed to the pods, in the
 * order the pods accept their deletion. Best effort: a leftover is logged by the caller, not fatal.
 */
async function removeLeftovers(
  prefix: string,
  sessions: Record<'admin' | 'member', LabSession>,
  podGet: LabCli['podGet'],
): Promise<void> {
  const ours = (list: unknown) => ((list ?? []) as Named[]).filter((item) => item.name?.startsWith(prefix));
  const remove = async (who: 'admin' | 'member', pod: number, api: LabApi, path: string) =>
    fetch(`${sessions[who].endpoint(LAB_PODS[pod].name, api)}${path}`, {
      method: 'DELETE',
      headers: { 'x-auth-token': sessions[who].token },
    });
  for (const pod of LAB_PODS.keys()) {
    for (const server of ours((await podGet('member', pod, 'compute', '/servers')).body.servers))
      await remove('member', pod, 'compute', `/servers/${server.id}`);
    for (const snapshot of ours((await podGet('member', pod, 'volumev3', '/snapshots')).body.snapshots))
      await remove('member', pod, 'volumev3', `/snapshots/${snapshot.id}`);
    // A volume still attached to a server being deleted is refused now; the poll below retries.
    for (let attempt = 0; attempt < 20; attempt++) {
      const volumes = ours((await podGet('member', pod, 'volumev3', '/volumes')).body.volumes);
      if (volumes.length === 0) break;
      for (const volume of volumes) await remove('member', pod, 'volumev3', `/volumes/${volume.id}`);
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
    for (const flavor of ours((await podGet('admin', pod, 'compute', '/flavors?is_public=None')).body.flavors))
      await remove('admin', pod, 'compute', `/flavors/${flavor.id}`);
    for (const type of ours((await podGet('admin', pod, 'volumev3', '/types?is_public=None')).body.volume_types))
      await remove('admin', pod, 'volumev3', `/types/${type.id}`);
  }
}

/** For a `describe`: started before its tests, closed (leftovers removed) after them. */
export function useLabCli(prefix: string): () => LabCli {
  let lab: LabCli | undefined;
  beforeAll(async () => {
    lab = await startLabCli(prefix);
  }, 180_000);
  afterAll(async () => {
    await lab?.close();
  }, 300_000);
  return () => {
    if (!lab) throw new Error('the lab CLI environment did not start');
    return lab;
  };
}
