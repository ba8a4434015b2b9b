// The real Debian `openstack` CLI against podgate in front of the lab's two REAL pods (Nova from
// Debian's Zed packages, fake virt driver): the same scenario as test/system/compute against the
// simulator. Per pod the lab has its own image ids and flavors, so images resolve in the chosen
// pod's region and the gateway defines flavors of its own with names unique to this run.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CliTarget, computeCliScenario } from '../../system/compute/compute-cli.scenario';
import { OPENSTACK, runCli } from '../../system/compute/openstack-cli';
import { LAB_PODS, type LabGateway, startLabGateway } from './lab-gateway';
import {
  addPodgateRegion,
  addTemporaryMember,
  type CliRegion,
  LAB_ADMIN,
  LAB_AUTH_URL,
  labLogin,
  type LabSession,
  type TemporaryMember,
} from './lab-keystone';

describe('openstack CLI against podgate in front of the two real lab pods', () => {
  const prefix = `pgcli-${randomBytes(3).toString('hex')}-`;
  let admin: LabSession;
  let member: LabSession;
  let tenant: TemporaryMember | undefined;
  let gateway: LabGateway | undefined;
  let region: CliRegion | undefined;
  let home: string;

  beforeAll(async () => {
    if (!existsSync(OPENSTACK))
      throw new Error(`${OPENSTACK} is missing: apt-get install -y --no-install-recommends python3-openstackclient`);
    admin = await labLogin(LAB_ADMIN);
    tenant = await addTemporaryMember(admin, `${prefix}tenant`);
    member = await labLogin(tenant.user);
    gateway = await startLabGateway(admin);
    region = await addPodgateRegion(admin, gateway.url);
    home = mkdtempSync(join(tmpdir(), 'podgate-lab-cli-'));
  }, 180_000);

  afterAll(async () => {
    await gateway?.close();
    await region?.remove();
    // Whatever a failed step left on the real pods: this run's servers, then its pushed flavors.
    if (admin && member) await removeLeftovers(prefix, admin, member);
    await tenant?.remove();
    if (home) rmSync(home, { recursive: true, force: true });
  }, 180_000);

  const compute = (pod: number) => admin.endpoint(LAB_PODS[pod].name, 'compute');
  const podGet = async (session: LabSession, pod: number, path: string) => {
    const response = await fetch(`${compute(pod)}${path}`, { headers: { 'x-auth-token': session.token } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  computeCliScenario((): CliTarget => ({
    cli: (who, args, pod = 0) =>
      runCli(
        home,
        who === 'member' ? tenant!.user : LAB_ADMIN,
        {
          authUrl: LAB_AUTH_URL,
          region: region!.name,
          imageUrl: admin.endpoint(LAB_PODS[pod].name, 'image'),
          networkUrl: admin.endpoint(LAB_PODS[pod].name, 'network'),
        },
        args,
      ),
    azs: [LAB_PODS[0].az, LAB_PODS[1].az],
    imageName: 'tiny',
    prefix,
    podHasFlavor: async (pod, flavorId) => (await podGet(admin, pod, `/flavors/${flavorId}`)).status === 200,
    podServerIds: async (pod) => {
      const { body } = await podGet(member, pod, '/servers');
      return (body.servers as { id: string }[]).map((server) => server.id);
    },
  }));

  async function removeLeftovers(namePrefix: string, adminSession: LabSession, memberSession: LabSession): Promise<void> {
    for (const pod of LAB_PODS.keys()) {
      const servers = (await podGet(memberSession, pod, '/servers')).body.servers as { id: string; name: string }[];
      for (const server of servers.filter((s) => s.name.startsWith(namePrefix)))
        await fetch(`${compute(pod)}/servers/${server.id}`, {
          method: 'DELETE',
          headers: { 'x-auth-token': memberSession.token },
        });
      const flavors = (await podGet(adminSession, pod, '/flavors?is_public=None')).body.flavors as { id: string; name: string }[];
      for (const flavor of flavors.filter((f) => f.name.startsWith(namePrefix)))
        await fetch(`${compute(pod)}/flavors/${flavor.id}`, {
          method: 'DELETE',
          headers: { 'x-auth-token': adminSession.token },
        });
    }
  }
});
