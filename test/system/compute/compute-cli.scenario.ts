// The openstack CLI scenario against podgate's compute API, shared by the simulated pods (test:system)
// and the real lab pods (test:openstack). Steps run in order and build on each other (one tenant's
// servers), so a failing step names the first thing that broke. Every step asserts the CLI's JSON.
import { type CliRunner, cliSteps, type Json, UUID, waitFor } from '../testing/cli-steps';

/** What a scenario needs from its environment: podgate in front of two pods, seen through the CLI. */
export interface CliTarget extends CliRunner {
  /** The user-visible AZs of pod 0 and pod 1. */
  readonly azs: readonly [string, string];
  /** An image name every pod has (ids may differ per pod). */
  readonly imageName: string;
  /** Unique per run: flavors, servers and volumes are named `<prefix>...`. */
  readonly prefix: string;
  /** Asked of the pod itself, not podgate. */
  podHasFlavor(pod: number, flavorId: string): Promise<boolean>;
  /** Ids of the member's servers on the pod, asked of the pod itself. */
  podServerIds(pod: number): Promise<string[]>;
}

export function computeCliScenario(target: () => CliTarget): void {
  const t = () => target();
  const name = (suffix: string) => `${t().prefix}${suffix}`;
  const flavors: Record<'small' | 'medium', Json> = { small: {}, medium: {} };
  const servers: Record<'a' | 'b', Json> = { a: {}, b: {} };
  const volumes: Record<'a' | 'b', Json> = { a: {}, b: {} };
  const { step, json, ok, refused, jsonUntil } = cliSteps(t);
  const showUntil = (server: string, done: (shown: Json) => boolean) => jsonUntil('member', ['server', 'show', server], done);
  const status = (wanted: string) => (shown: Json) => shown.status === wanted;
  const volumeUntil = (volume: string, wanted: string) => jsonUntil('member', ['volume', 'show', volume], status(wanted));

  step('flavor create (admin): the gateway flavor, then pushed to every pod', async () => {
    for (const [key, ram] of [
      ['small', 256],
      ['medium', 512],
    ] as const) {
      flavors[key] = await json('admin', ['flavor', 'create', '--ram', String(ram), '--disk', '1', '--vcpus', '1', name(key)]);
      expect(flavors[key]).toMatchObject({ name: name(key), ram, disk: 1, vcpus: 1, 'os-flavor-access:is_public': true });
      expect(flavors[key].id).toMatch(UUID);
    }
    for (const pod of [0, 1])
      for (const flavor of Object.values(flavors))
        await waitFor(() => t().podHasFlavor(pod, String(flavor.id)), `flavor on pod ${pod}`);
  });

  step("flavor list: exactly the gateway flavors, none of the pods' own", async () => {
    const listed = await json<Json[]>('member', ['flavor', 'list']);
    expect(listed.map((f) => f.Name).sort()).toEqual([name('medium'), name('small')]);
    expect(listed.find((f) => f.Name === name('small'))).toMatchObject({
      ID: flavors.small.id,
      RAM: 256,
      Disk: 1,
      VCPUs: 1,
      'Is Public': true,
    });
  });

  step('flavor show', async () => {
    const shown = await json('member', ['flavor', 'show', name('medium')]);
    expect(shown).toMatchObject({ id: flavors.medium.id, name: name('medium'), ram: 512, disk: 1, vcpus: 1 });
  });

  step('availability zone list --compute: one available zone per pod, the user-visible names', async () => {
    const zones = await json<Json[]>('member', ['availability', 'zone', 'list', '--compute']);
    expect(zones.map((z) => [z['Zone Name'], z['Zone Status']]).sort()).toEqual(
      [...t().azs].sort().map((az) => [az, 'available']),
    );
  });

  step('server create --wait without an AZ: ACTIVE on the first pod', async () => {
    servers.a = await json('member', createArgs('small', name('vm-a')));
    expect(servers.a).toMatchObject({ name: name('vm-a'), status: 'ACTIVE', 'OS-EXT-AZ:availability_zone': t().azs[0] });
    expect(servers.a.flavor).toBe(`${name('small')} (${flavors.small.id})`);
    expect(servers.a.image).toMatch(new RegExp(`^${t().imageName} \\([0-9a-f-]{36}\\)$`));
    expect(JSON.stringify(servers.a)).not.toContain('podgate:provisioning_id');
    expect(await t().podServerIds(0)).toContain(servers.a.id);
  });

  step('server create --wait --availability-zone <second AZ>: ACTIVE on the second pod', async () => {
    servers.b = await json('member', [...createArgs('small', name('vm-b')), '--availability-zone', t().azs[1]], 1);
    expect(servers.b).toMatchObject({ name: name('vm-b'), status: 'ACTIVE', 'OS-EXT-AZ:availability_zone': t().azs[1] });
    expect(await t().podServerIds(1)).toContain(servers.b.id);
    expect(await t().podServerIds(0)).not.toContain(servers.b.id);
  });

  step("server list: both pods' servers, newest first; --limit and --marker page across pods", async () => {
    const listed = await json<Json[]>('member', ['server', 'list']);
    expect(listed.map((s) => s.ID)).toEqual([servers.b.id, servers.a.id]);
    expect(listed[1]).toMatchObject({ Name: name('vm-a'), Status: 'ACTIVE', Image: t().imageName, Flavor: name('small') });
    const first = await json<Json[]>('member', ['server', 'list', '--limit', '1']);
    expect(first.map((s) => s.ID)).toEqual([servers.b.id]);
    const next = await json<Json[]>('member', ['server', 'list', '--limit', '1', '--marker', String(servers.b.id)]);
    expect(next.map((s) => s.ID)).toEqual([servers.a.id]);
  });

  step('server list --sort-column Name (ascending and descending)', async () => {
    const ascending = await json<Json[]>('member', ['server', 'list', '--sort-column', 'Name', '--sort-ascending']);
    expect(ascending.map((s) => s.Name)).toEqual([name('vm-a'), name('vm-b')]);
    const descending = await json<Json[]>('member', ['server', 'list', '--sort-column', 'Name', '--sort-descending']);
    expect(descending.map((s) => s.Name)).toEqual([name('vm-b'), name('vm-a')]);
  });

  step("server show: the pod's server with the user's AZ and no provisioning tag", async () => {
    const shown = await json('member', ['server', 'show', name('vm-b')]);
    expect(shown).toMatchObject({
      id: servers.b.id,
      status: 'ACTIVE',
      'OS-EXT-STS:vm_state': 'active',
      'OS-EXT-STS:power_state': 1,
      'OS-EXT-AZ:availability_zone': t().azs[1],
      locked: false,
    });
    expect(JSON.stringify(shown)).not.toContain('podgate:provisioning_id');
  });

  for (const [action, wanted] of [
    ['stop', 'SHUTOFF'],
    ['start', 'ACTIVE'],
    ['pause', 'PAUSED'],
    ['unpause', 'ACTIVE'],
    ['suspend', 'SUSPENDED'],
    ['resume', 'ACTIVE'],
  ] as const) {
    step(`server ${action} -> ${wanted}`, async () => {
      await ok('member', ['server', action, name('vm-a')]);
      expect(await showUntil(name('vm-a'), status(wanted))).toMatchObject({
        status: wanted,
        'OS-EXT-AZ:availability_zone': t().azs[0],
      });
    });
  }

  step('server lock: locked, and the pod refuses the member a stop; unlock', async () => {
    await ok('member', ['server', 'lock', name('vm-a')]);
    expect(await json('member', ['server', 'show', name('vm-a')])).toMatchObject({ locked: true, status: 'ACTIVE' });
    expect((await refused('member', ['server', 'stop', name('vm-a')])).stderr).toMatch(/is locked.*\(HTTP 409\)/);
    await ok('member', ['server', 'unlock', name('vm-a')]);
    expect(await json('member', ['server', 'show', name('vm-a')])).toMatchObject({ locked: false, status: 'ACTIVE' });
  });

  step('server reboot --wait', async () => {
    await ok('member', ['server', 'reboot', '--wait', name('vm-a')]);
    expect(await showUntil(name('vm-a'), status('ACTIVE'))).toMatchObject({ status: 'ACTIVE' });
  });

  step('server resize --wait to the other gateway flavor, then resize --confirm', async () => {
    await ok('member', ['server', 'resize', '--flavor', name('medium'), '--wait', name('vm-a')]);
    expect(await showUntil(name('vm-a'), status('VERIFY_RESIZE'))).toMatchObject({ status: 'VERIFY_RESIZE' });
    await ok('member', ['server', 'resize', '--confirm', name('vm-a')]);
    const resized = await showUntil(name('vm-a'), status('ACTIVE'));
    expect(resized).toMatchObject({ status: 'ACTIVE', flavor: `${name('medium')} (${flavors.medium.id})` });
  });

  step('server shelve, unshelve: back ACTIVE in the same AZ', async () => {
    await ok('member', ['server', 'shelve', name('vm-a')]);
    const shelved = await showUntil(name('vm-a'), (s) => String(s.status).startsWith('SHELVED') && !s['OS-EXT-STS:task_state']);
    expect(['SHELVED', 'SHELVED_OFFLOADED']).toContain(shelved.status);
    await ok('member', ['server', 'unshelve', name('vm-a')]);
    expect(await showUntil(name('vm-a'), status('ACTIVE'))).toMatchObject({
      status: 'ACTIVE',
      'OS-EXT-AZ:availability_zone': t().azs[0],
    });
    expect(await t().podServerIds(0)).toContain(servers.a.id);
  });

  step("server add volume: a volume made through podgate in the server's AZ, in-use and attached to it", async () => {
    const volume = await json('member', ['volume', 'create', '--size', '1', '--availability-zone', t().azs[0], name('vol-a')]);
    volumes.a = await volumeUntil(String(volume.id), 'available');
    expect(volumes.a).toMatchObject({ name: name('vol-a'), size: 1, availability_zone: t().azs[0] });
    const attached = await json('member', ['server', 'add', 'volume', name('vm-a'), name('vol-a')]);
    expect(attached).toMatchObject({ 'Server ID': servers.a.id, 'Volume ID': volumes.a.id });
    const inUse = await volumeUntil(String(volumes.a.id), 'in-use');
    expect(inUse.attachments).toEqual([expect.objectContaining({ server_id: servers.a.id, volume_id: volumes.a.id })]);
    const listed = await json<Json[]>('member', ['server', 'volume', 'list', name('vm-a')]);
    expect(listed.map((attachment) => attachment['Volume ID'])).toEqual([volumes.a.id]);
  });

  step("server add volume refuses a volume of another pod's AZ (HTTP 400), the volume stays available", async () => {
    const volume = await json('member', ['volume', 'create', '--size', '1', '--availability-zone', t().azs[1], name('vol-b')]);
    volumes.b = await volumeUntil(String(volume.id), 'available');
    const { stderr } = await refused('member', ['server', 'add', 'volume', name('vm-a'), name('vol-b')]);
    // `server add volume` goes through the SDK, which words a 400 this way.
    expect(stderr).toMatch(/BadRequestException: 400: .*must be in the same pod\./s);
    expect(await json('member', ['volume', 'show', name('vol-b')])).toMatchObject({ status: 'available', attachments: [] });
  });

  step('server remove volume: available again with no attachment; volume delete', async () => {
    await ok('member', ['server', 'remove', 'volume', name('vm-a'), name('vol-a')]);
    expect(await volumeUntil(String(volumes.a.id), 'available')).toMatchObject({ attachments: [] });
    expect(await json<Json[]>('member', ['server', 'volume', 'list', name('vm-a')])).toEqual([]);
    await ok('member', ['volume', 'delete', name('vol-a'), name('vol-b')]);
    const remaining = await jsonUntil('member', ['volume', 'list'], (listed) => (listed as unknown as Json[]).length === 0);
    expect(remaining).toEqual([]);
  });

  step('server delete --wait: gone from podgate and from both pods', async () => {
    await ok('member', ['server', 'delete', '--wait', name('vm-a'), name('vm-b')]);
    expect(await json('member', ['server', 'list'])).toEqual([]);
    expect(await t().podServerIds(0)).not.toContain(servers.a.id);
    expect(await t().podServerIds(1)).not.toContain(servers.b.id);
  });

  function createArgs(flavor: 'small' | 'medium', server: string): string[] {
    return ['server', 'create', '--wait', '--flavor', name(flavor), '--image', t().imageName, '--nic', 'none', server];
  }
}
