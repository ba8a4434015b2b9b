// The real Debian `openstack` CLI (python3-openstackclient) against the pod simulator started
// in-process: proves the simulator's Keystone, Nova, Cinder, Neutron and Glance shapes are good
// enough for the client podgate's users will point at the gateway.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SimulatorHandle, startSimulator } from '../../../apps/pod-simulator/src/simulator';
import { JsonBody } from '../../../apps/pod-simulator/src/testing/sim-client';

const OPENSTACK = '/usr/bin/openstack';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

describe('openstack CLI against the pod simulator', () => {
  let sim: SimulatorHandle;
  let home: string;
  const requestLog: string[] = [];

  beforeAll(async () => {
    if (!existsSync(OPENSTACK))
      throw new Error(`${OPENSTACK} is missing: apt-get install -y --no-install-recommends python3-openstackclient`);
    sim = await startSimulator({
      pods: 2,
      basePort: 0,
      delays: { buildMs: 400, actionMs: 200, volumeMs: 200 },
      log: (line) => requestLog.push(line),
    });
    // An empty HOME keeps the developer's clouds.yaml and caches out of the test.
    home = mkdtempSync(join(tmpdir(), 'podsim-cli-'));
  });

  afterAll(async () => {
    await sim?.stop();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  const ALICE = { OS_USERNAME: 'alice', OS_PASSWORD: 'alice-secret', OS_PROJECT_NAME: 'tenant-a' };
  const BOB = { OS_USERNAME: 'bob', OS_PASSWORD: 'bob-secret', OS_PROJECT_NAME: 'tenant-b' };

  /** Runs the CLI asynchronously: the simulator lives in this process and must keep answering. */
  function cliAs(user: typeof ALICE, args: string[]): Promise<CliResult> {
    const env = {
      PATH: '/usr/bin:/bin',
      HOME: home,
      OS_AUTH_URL: sim.authUrl,
      OS_IDENTITY_API_VERSION: '3',
      ...user,
      OS_USER_DOMAIN_NAME: 'Default',
      OS_PROJECT_DOMAIN_NAME: 'Default',
      OS_REGION_NAME: 'Pod1',
      OS_INTERFACE: 'public',
      OS_COMPUTE_API_VERSION: '2.37',
    };
    return new Promise((resolve) => {
      execFile(OPENSTACK, args, { env, timeout: 60_000 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      });
    });
  }

  const cli = (...args: string[]) => cliAs(ALICE, args);

  async function json<T = JsonBody>(...args: string[]): Promise<T> {
    const result = await cli(...args, '-f', 'json');
    if (result.code !== 0)
      throw new Error(
        `openstack ${args.join(' ')} failed (${result.code}): ${result.stderr}\nlast requests:\n${requestLog.slice(-15).join('\n')}`,
      );
    return JSON.parse(result.stdout) as T;
  }

  async function ok(...args: string[]): Promise<void> {
    const result = await cli(...args);
    if (result.code !== 0)
      throw new Error(
        `openstack ${args.join(' ')} failed (${result.code}): ${result.stderr}\nlast requests:\n${requestLog.slice(-15).join('\n')}`,
      );
  }

  const projectId = () => sim.keystone.directory.findProject({ name: 'tenant-a' })?.id;

  it('token issue', async () => {
    const token = await json('token', 'issue');
    expect(token.id).toMatch(/^gAAAAA/);
    expect(token.project_id).toBe(projectId());
    expect(token.user_id).toBe(sim.keystone.directory.findUser({ name: 'alice' })?.id);
    expect(Date.parse(token.expires) - Date.now()).toBeGreaterThan(3_500_000);
  });

  it('flavor list', async () => {
    const flavors = await json<Array<{ Name: string; RAM: number; VCPUs: number }>>('flavor', 'list');
    expect(flavors.map((f) => f.Name)).toEqual(['m1.tiny', 'm1.small', 'm1.medium', 'm1.large', 'm1.nano']);
    expect(flavors[0]).toMatchObject({ RAM: 512, VCPUs: 1 });
  });

  it('availability zone list', async () => {
    const zones = await json<Array<{ 'Zone Name': string; 'Zone Status': string }>>('availability', 'zone', 'list');
    expect(zones.length).toBeGreaterThanOrEqual(2);
    expect(zones.every((z) => z['Zone Name'] === 'az1' && z['Zone Status'] === 'available')).toBe(true);
    expect(requestLog.some((line) => line.includes('/volume/v3/') && line.includes('os-availability-zone -> 200'))).toBe(true);
  });

  it('server create --wait, list, show, stop, delete --wait', async () => {
    const created = await json(
      'server',
      'create',
      '--wait',
      '--flavor',
      'm1.tiny',
      '--image',
      'cirros',
      '--nic',
      'none',
      'cli-vm',
    );
    expect(created).toMatchObject({
      name: 'cli-vm',
      status: 'ACTIVE',
      'OS-EXT-AZ:availability_zone': 'az1',
      project_id: projectId(),
    });
    expect(created.flavor).toBe('m1.tiny (1)');
    expect(created.image).toMatch(/^cirros \([0-9a-f-]{36}\)$/);

    const listed = await json<Array<{ ID: string; Name: string; Status: string }>>('server', 'list');
    expect(listed).toEqual([
      expect.objectContaining({ ID: created.id, Name: 'cli-vm', Status: 'ACTIVE', Image: 'cirros', Flavor: 'm1.tiny' }),
    ]);

    const shown = await json('server', 'show', 'cli-vm');
    expect(shown).toMatchObject({
      id: created.id,
      status: 'ACTIVE',
      'OS-EXT-STS:vm_state': 'active',
      'OS-EXT-STS:power_state': 1,
    });

    await ok('server', 'stop', 'cli-vm');
    const stopped = await json('server', 'show', 'cli-vm');
    // The stop takes 200 ms in this simulator; one CLI start-up (~2 s) is longer than that.
    expect([stopped.status, stopped['OS-EXT-STS:power_state']]).toEqual(['SHUTOFF', 4]);

    await ok('server', 'delete', '--wait', 'cli-vm');
    expect(await json('server', 'list')).toEqual([]);
    expect(sim.pods[0]?.state.nova.servers.size).toBe(0);
  });

  it('volume create --size 1, list, delete', async () => {
    const created = await json('volume', 'create', '--size', '1', 'cli-vol');
    expect(created).toMatchObject({
      name: 'cli-vol',
      size: 1,
      status: 'creating',
      availability_zone: 'az1',
      type: '__DEFAULT__',
    });
    const listed = await json<Array<{ ID: string; Name: string; Status: string; Size: number }>>('volume', 'list');
    expect(listed).toEqual([expect.objectContaining({ ID: created.id, Name: 'cli-vol', Status: 'available', Size: 1 })]);
    await ok('volume', 'delete', 'cli-vol');
    expect(await json('volume', 'list')).toEqual([]);
  });

  it("keeps tenants apart: bob sees none of alice's servers", async () => {
    await json('server', 'create', '--flavor', 'm1.nano', '--image', 'cirros', '--nic', 'none', 'alice-only');
    const result = await cliAs(BOB, ['server', 'list', '-f', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });
});
