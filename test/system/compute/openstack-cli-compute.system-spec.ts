// The real Debian `openstack` CLI against podgate (in-process, Keystone mode, real sockets) in front of
// two simulated pods: flavors, availability zones, the server lifecycle, each step asserting the CLI's
// JSON. The simulator's RegionOne catalog holds podgate's compute endpoint (see openstack-cli.ts).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ComputeHarness, startComputeHarness } from '../../../apps/gateway/src/testing/gateway-harness';
import { type CliTarget, computeCliScenario } from './compute-cli.scenario';
import { type CliUser, OPENSTACK, runCli } from './openstack-cli';

const MEMBER: CliUser = { username: 'alice', password: 'alice-secret', projectName: 'tenant-a' };
const ADMIN: CliUser = { username: 'admin', password: 'admin-secret', projectName: 'admin' };

describe('openstack CLI against podgate in front of two simulated pods', () => {
  let h: ComputeHarness;
  let home: string;
  const requestLog: string[] = [];

  beforeAll(async () => {
    if (!existsSync(OPENSTACK))
      throw new Error(`${OPENSTACK} is missing: apt-get install -y --no-install-recommends python3-openstackclient`);
    h = await startComputeHarness({
      // Pod2's own AZ differs from the one users see, as in the lab (where every pod's is `nova`).
      pods: [{ az: 'az1' }, { az: 'az2', podAz: 'nova' }],
      env: { PODGATE_FLAVOR_SYNC_SECONDS: '2' },
      // Long enough that --wait and the status polls really wait, short next to one CLI call (~2 s).
      simulator: { delays: { buildMs: 400, actionMs: 200, volumeMs: 200 }, log: (line) => requestLog.push(line) },
    });
    home = mkdtempSync(join(tmpdir(), 'podgate-cli-'));
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  const podGet = async (pod: number, path: string, user: 'alice' | 'admin') => {
    const response = await fetch(`${h.pods[pod].sim.computeUrl}${path}`, { headers: { 'x-auth-token': h.tokenOf(user) } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  computeCliScenario((): CliTarget => ({
    cli: (who, args, pod = 0) =>
      runCli(
        home,
        who === 'member' ? MEMBER : ADMIN,
        {
          authUrl: h.sim.authUrl,
          region: 'RegionOne',
          imageUrl: h.pods[pod].sim.imageUrl,
          networkUrl: h.pods[pod].sim.networkUrl,
        },
        args,
      ),
    azs: ['az1', 'az2'],
    imageName: 'cirros',
    prefix: 'cli-',
    podHasFlavor: async (pod, flavorId) => (await podGet(pod, `/flavors/${flavorId}`, 'admin')).status === 200,
    podServerIds: async (pod) => {
      const { body } = await podGet(pod, '/servers', 'alice');
      return (body.servers as { id: string }[]).map((server) => server.id);
    },
    // Keystone's token requests (one per CLI call) would crowd out the pods' lines.
    describeFailure: () =>
      `\nlast requests the pods saw:\n${requestLog
        .filter((line) => !line.startsWith('keystone'))
        .slice(-15)
        .join('\n')}`,
  }));
});
