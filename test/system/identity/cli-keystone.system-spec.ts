// The `podgate` CLI, run in-process as its own e2e specs run it, with the openstack CLI's OS_* password
// variables against the REAL Keystone, talking to the REAL gateway in Keystone mode. The real catalog
// has no podgate service, so PODGATE_URL names the gateway, as an operator would before registering it.
import { deterministicId } from '@podgate/kernel';
import { type CliRun, podgate } from '../../../apps/cli/src/testing/memory-io';
import { type AuditEvent, type KeystoneGateway, REQUEST_ID, startKeystoneGateway } from './testing/keystone-gateway';
import { issueToken, keystoneTestUrl, type SeededUser, USERS } from './testing/real-keystone';

interface Pod {
  pod_id: string;
  name: string;
  az_name: string;
  status: string;
}

describe('podgate CLI with OS_* passwords against the real Keystone and the real gateway', () => {
  let gateway: KeystoneGateway;
  const runs: CliRun[] = [];

  /** The variables an openrc file of `user` would export, plus where the gateway is. */
  const envOf = (user: SeededUser): NodeJS.ProcessEnv => ({
    OS_AUTH_URL: keystoneTestUrl(),
    OS_USERNAME: user,
    OS_PASSWORD: USERS[user].password,
    OS_PROJECT_NAME: USERS[user].project,
    OS_USER_DOMAIN_NAME: 'Default',
    OS_PROJECT_DOMAIN_NAME: 'Default',
    PODGATE_URL: gateway.url,
  });
  const run = async (user: SeededUser, ...args: string[]): Promise<CliRun> => {
    const result = await podgate(envOf(user), ...args);
    runs.push(result);
    return result;
  };

  beforeAll(async () => (gateway = await startKeystoneGateway()));
  afterAll(() => gateway?.close());

  it('registers Pod1 in az1 as the admin and prints it as a Field/Value table', async () => {
    const result = await run('admin', 'pods', 'register', 'Pod1', '--az', 'az1');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^\| name +\| Pod1 +\|$/m);
    expect(result.stdout).toMatch(/^\| az_name +\| az1 +\|$/m);
    expect(result.stdout).toMatch(new RegExp(`^\\| pod_id +\\| ${deterministicId('pod', 'Pod1')} +\\|$`, 'm'));
  });

  it('lists the registered pod as JSON', async () => {
    const result = await run('admin', 'pods', 'list', '-f', 'json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.json<Pod[]>()).toEqual([
      expect.objectContaining({ pod_id: deterministicId('pod', 'Pod1'), name: 'Pod1', az_name: 'az1', status: 'active' }),
    ]);
  });

  it("audits the registration under the admin's Keystone user id and the command's global request id", async () => {
    const admin = await issueToken('admin');
    const entry = await eventually(async () => {
      const result = await run('admin', 'audit', 'list', '--type', 'PodRegistered', '-f', 'json');
      expect(result).toMatchObject({ code: 0, stderr: '' });
      return result.json<AuditEvent[]>().find((event) => event.pod_id === deterministicId('pod', 'Pod1'));
    });
    expect(entry.actor).toMatchObject({ user_id: admin.userId, project_id: admin.projectId });
    expect(entry.global_request_id).toMatch(REQUEST_ID);
    expect(entry.request_id).toMatch(REQUEST_ID);
    expect(entry.global_request_id).not.toBe(entry.request_id);
  });

  it.each([
    ['pods list', 'admin:pods:list'],
    ['pods register Pod2 --az az1', 'admin:pods:register'],
  ])('gives alice (member) one 403 line and exit code 1 for `podgate %s`', async (command, rule) => {
    const result = await run('alice', ...command.split(' '));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      new RegExp(
        `^podgate: Policy doesn't allow ${rule} to be performed\\. \\(HTTP 403\\) \\(Request-ID: req-[0-9a-f-]{36}\\)\\n$`,
      ),
    );
  });

  it("left the pods as the admin made them: alice's refused register added nothing", async () => {
    const result = await run('admin', 'pods', 'list', '-f', 'json');
    expect(result.json<Pod[]>().map((pod) => pod.name)).toEqual(['Pod1']);
  });

  it('printed no password in any of the runs above, refusals included', () => {
    expect(runs.length).toBeGreaterThanOrEqual(5);
    const printed = runs.map(({ stdout, stderr }) => stdout + stderr).join('\n');
    for (const { password } of Object.values(USERS)) expect(printed).not.toContain(password);
  });
});

/** The audit projection may still be catching up with the write the command waited for. */
async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`nothing after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
