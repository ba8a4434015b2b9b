// podgate (in-process, Keystone mode, real sockets) in front of two simulated pods, seen through the
// real Debian `openstack` CLI: what the compute and volume CLI suites of test:system share. The
// simulator's RegionOne catalog holds podgate's compute and volume endpoints (see openstack-cli.ts).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ComputeHarness, startComputeHarness } from '../../../apps/gateway/src/testing/gateway-harness';
import type { CliRunner } from './cli-steps';
import { type CliUser, OPENSTACK, runCli } from './openstack-cli';

const MEMBER: CliUser = { username: 'alice', password: 'alice-secret', projectName: 'tenant-a' };
const ADMIN: CliUser = { username: 'admin', password: 'admin-secret', projectName: 'admin' };

/** The user-visible AZs; pod 2's own AZ differs from the one users see, as in the lab (where every pod's is `nova`). */
export const SIMULATED_AZS = ['az1', 'az2'] as const;

export interface SimulatedCli extends CliRunner {
  readonly h: ComputeHarness;
  /** GET on pod `pod`'s own API (`compute` or `volume`, the latter under the member's project), as `user`. */
  podGet(pod: number, api: 'compute' | 'volume', path: string, user: 'alice' | 'admin'): Promise<PodAnswer>;
  /** Whether the pod itself has the flavor (the gateway's flavors reach pods through the reconciler). */
  podHasFlavor(pod: number, flavorId: string): Promise<boolean>;
  close(): Promise<void>;
}

export interface PodAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export async function startSimulatedCli(): Promise<SimulatedCli> {
  if (!existsSync(OPENSTACK))
    throw new Error(`${OPENSTACK} is missing: apt-get install -y --no-install-recommends python3-openstackclient`);
  const requestLog: string[] = [];
  const h = await startComputeHarness({
    pods: [{ az: SIMULATED_AZS[0] }, { az: SIMULATED_AZS[1], podAz: 'nova' }],
    env: { PODGATE_FLAVOR_SYNC_SECONDS: '2' },
    // Long enough that --wait and the status polls really wait, short next to one CLI call (~2 s).
    simulator: { delays: { buildMs: 400, actionMs: 200, volumeMs: 200 }, log: (line) => requestLog.push(line) },
  });
  const home = mkdtempSync(join(tmpdir(), 'podgate-cli-'));
  const podUrl = (pod: number, api: 'compute' | 'volume', user: 'alice' | 'admin') =>
    api === 'compute'
      ? h.pods[pod].sim.computeUrl
      : h.pods[pod].sim.volumeUrlTemplate.replace(
          '%(project_id)s',
          h.projectIdOf(user === 'alice' ? MEMBER.projectName : 'admin'),
        );
  const podGet: SimulatedCli['podGet'] = async (pod, api, path, user) => {
    const response = await fetch(`${podUrl(pod, api, user)}${path}`, { headers: { 'x-auth-token': h.tokenOf(user) } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return {
    h,
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
    podGet,
    podHasFlavor: async (pod, flavorId) => (await podGet(pod, 'compute', `/flavors/${flavorId}`, 'admin')).status === 200,
    // Keystone's token requests (one per CLI call) would crowd out the pods' lines.
    describeFailure: () =>
      `\nlast requests the pods saw:\n${requestLog
        .filter((line) => !line.startsWith('keystone'))
        .slice(-15)
        .join('\n')}`,
    close: async () => {
      await h.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** For a `describe`: started before its tests, closed after them. */
export function useSimulatedCli(): () => SimulatedCli {
  let env: SimulatedCli | undefined;
  beforeAll(async () => {
    env = await startSimulatedCli();
  }, 120_000);
  afterAll(async () => {
    await env?.close();
  });
  return () => {
    if (!env) throw new Error('the simulated CLI environment did not start');
    return env;
  };
}
