// The admin commands against the REAL gateway (embedded store in a temp folder, noauth: the
// default on loopback), reached as `OS_TOKEN=admin:admin PODGATE_URL=<gateway>`. The pods'
// endpoints are the pod simulator's (a test double of the clouds, not of the gateway). What the
// gateway decides (pin semantics, as_of, its refusals and their words) is asserted here, not
// against the CLI's admin API double; the last test checks that double still answers alike.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@podgate/config';
import { createLogger } from '@podgate/runtime';
import { type SimulatorHandle, startSimulator } from '../../pod-simulator/src/simulator';
import { createGateway } from '../../gateway/src/bootstrap/create-gateway';
import type { AuditEvent, Binding, Pod } from './admin-client/resources';
import { startAdminApiDouble } from './testing/admin-api-double';
import { type CliRun, podgate } from './testing/memory-io';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const REQUEST_ID = 'Request-ID: req-[0-9a-f-]{36}';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('podgate admin commands against the real gateway', () => {
  let dataDir: string;
  let app: NestFastifyApplication;
  let sim: SimulatorHandle;
  let env: NodeJS.ProcessEnv;
  const run = (...args: string[]) => podgate(env, ...args);
  const json = async <T>(...args: string[]): Promise<T> => {
    const result = await run(...args, '-f', 'json');
    if (result.code !== 0) throw new Error(`podgate ${args.join(' ')} failed: ${result.stderr}`);
    return result.json<T>();
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'podgate-cli-gateway-'));
    sim = await startSimulator({
      pods: [{ az: 'az1' }, { az: 'az2' }],
      basePort: 0,
      delays: { buildMs: 0, actionMs: 0, volumeMs: 0 },
    });
    app = await createGateway(loadConfig({ PODGATE_DATA_DIR: dataDir }), createLogger('silent', 'test'));
    await app.listen(0, '127.0.0.1');
    env = { OS_TOKEN: 'admin:admin', PODGATE_URL: await app.getUrl() };
  });
  afterAll(async () => {
    await app?.close();
    await sim?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('registers, lists, drains, binds, answers --as-of, lists and exports the audit', async () => {
    for (const pod of sim.pods) {
      const endpoints = ['--compute-url', pod.computeUrl, '--volume-url', pod.volumeUrlTemplate, '--image-url', pod.imageUrl];
      const registered = await json<Pod>('pods', 'register', pod.region, '--az', pod.az, ...endpoints);
      expect(registered).toMatchObject({ name: pod.region, az_name: pod.az, status: 'active', in_maintenance: false });
    }
    expect((await json<Pod[]>('pods', 'list')).map((pod) => pod.name)).toEqual(['Pod1', 'Pod2']);
    expect((await json<Pod[]>('pods', 'list', '--limit', '1')).map((pod) => pod.name)).toEqual(['Pod1']);
    const table = await run('pods', 'list');
    expect(table.stdout).toMatch(/\| Pod1 +\| az1 /);
    expect(table.stdout).toMatch(/\| Pod2 +\| az2 /);

    const drained = await json<Pod>('pods', 'drain', 'Pod1', '--reason', 'kernel upgrade');
    expect(drained).toMatchObject({ in_maintenance: true, maintenance_reason: 'kernel upgrade' });
    expect((await json<Pod[]>('pods', 'list', '--maintenance')).map((pod) => pod.name)).toEqual(['Pod1']);
    expect((await json<Pod[]>('pods', 'list', '--no-maintenance')).map((pod) => pod.name)).toEqual(['Pod2']);
    expect(await json<Pod>('pods', 'show', 'Pod2')).toMatchObject({ name: 'Pod2', az_name: 'az2' });

    const binding = await json<Binding>('bindings', 'create', '--project', 'tenant-a', '--az', 'az2', '--pod', 'Pod2');
    expect(binding).toMatchObject({ project_id: 'tenant-a', az_name: 'az2', active: true, ended_at: null });
    const whileBound = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const ended = await json<Binding>('bindings', 'end', binding.binding_id, '--reason', 'moving');
    expect(ended).toMatchObject({ binding_id: binding.binding_id, active: false, end_reason: 'moving' });
    expect(await json<Binding[]>('bindings', 'list', '--project', 'tenant-a', '--active')).toEqual([]);
    const asOf = await json<Binding[]>('bindings', 'list', '--project', 'tenant-a', '--as-of', whileBound);
    expect(asOf.map((item) => item.binding_id)).toEqual([binding.binding_id]);
    expect(await json<Binding[]>('bindings', 'list', '--project', 'tenant-a', '--as-of', new Date().toISOString())).toEqual([]);
    expect(await json<unknown[]>('routings', 'list', '--pod', 'Pod2')).toEqual([]);

    const types = ['PodRegistered', 'PodRegistered', 'PodMaintenanceStarted', 'TenantBoundToPod', 'TenantBindingEnded'];
    const events = await eventually(
      () => json<AuditEvent[]>('audit', 'list'),
      (list) => list.length >= types.length,
    );
    expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(types));
    expect(events.find((event) => event.type === 'PodMaintenanceStarted')).toMatchObject({ actor: { user_id: 'admin' } });

    const file = join(dataDir, 'audit.jsonl');
    const exported = await run('audit', 'export', '-o', file);
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    // Usage reports may have been appended since the list: the export starts with the listed events.
    expect(exported).toMatchObject({ code: 0, stdout: `exported ${lines.length} events to ${file}\n` });
    expect(lines.slice(0, events.length).map((line) => JSON.parse(line).event_id)).toEqual(events.map((event) => event.event_id));
    const registrations = await run('audit', 'export', '--type', 'PodRegistered');
    expect(registrations.stdout.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('answers bindings list --as-of with the binding in force at, and 1 ms before, each of a sequence of rebinds', async () => {
    await json<Pod>('pods', 'register', 'HistA', '--az', 'az-hist');
    await json<Pod>('pods', 'register', 'HistB', '--az', 'az-hist');
    const pin = (pod: string) => json<Binding>('bindings', 'create', '--project', 'tenant-hist', '--az', 'az-hist', '--pod', pod);
    // Apart by more than a millisecond, so 1 ms before a rebind is still inside the previous binding.
    const first = await pin('HistA');
    await pause(5);
    const second = await pin('HistB');
    await pause(5);
    const third = await pin('HistA');
    expect([first, second, third].map((binding) => binding.reason)).toEqual(['admin-pin', 'admin-pin', 'admin-pin']);
    const history = await json<Binding[]>('bindings', 'list', '--project', 'tenant-hist');
    expect(history.map((binding) => [binding.binding_id, binding.ended_at, binding.end_reason])).toEqual([
      [first.binding_id, second.bound_at, 'admin-pin'],
      [second.binding_id, third.bound_at, 'admin-pin'],
      [third.binding_id, null, null],
    ]);

    const asOf = async (time: string) =>
      (await json<Binding[]>('bindings', 'list', '--project', 'tenant-hist', '--as-of', time)).map(
        (binding) => binding.binding_id,
      );
    const msBefore = (instant: string) => new Date(Date.parse(instant) - 1).toISOString();
    const expected: [string, string[]][] = [
      [msBefore(first.bound_at), []],
      [first.bound_at, [first.binding_id]],
      [msBefore(second.bound_at), [first.binding_id]],
      [second.bound_at, [second.binding_id]],
      [msBefore(third.bound_at), [second.binding_id]],
      [third.bound_at, [third.binding_id]],
      // The same instants written otherwise: with another offset, and without one (read as UTC).
      [withOffset(second.bound_at, 120), [second.binding_id]],
      [withOffset(msBefore(third.bound_at), -330), [second.binding_id]],
      [third.bound_at.replace('Z', ''), [third.binding_id]],
    ];
    const answered: [string, string[]][] = [];
    for (const [time] of expected) answered.push([time, await asOf(time)]);
    expect(answered).toEqual(expected);
  });

  it("updates a pod, refuses to deregister it while in use with the gateway's reason, and deregisters it with --force", async () => {
    const pod = await json<Pod>('pods', 'register', 'Busy', '--az', 'az-busy', '--affinity-tag', 'gpu');
    const updated = await json<Pod>('pods', 'update', 'Busy', '--no-affinity-tag', '--dc', 'dc2');
    expect(updated).toMatchObject({ pod_id: pod.pod_id, affinity_tag: null, dc_name: 'dc2', in_maintenance: false });
    const binding = await json<Binding>('bindings', 'create', '--project', 'tenant-busy', '--az', 'az-busy', '--pod', 'Busy');

    const inUse = await run('pods', 'deregister', 'Busy');
    expect(inUse).toMatchObject({ code: 1, stdout: '' });
    const reason = `pod ${pod.pod_id} still has 1 active binding(s) and 0 routed resource(s); end them first or force`;
    expect(inUse.stderr).toMatch(new RegExp(`^podgate: ${escapeRegExp(reason)} \\(HTTP 409\\) \\(${REQUEST_ID}\\)\\n$`));
    const bound = await json<Binding[]>('bindings', 'list', '--pod', 'Busy', '--active');
    expect(bound.map((item) => item.binding_id)).toEqual([binding.binding_id]);

    expect(await run('pods', 'deregister', 'Busy', '--force', '--reason', 'retired')).toMatchObject({ code: 0, stderr: '' });
    expect(await json<Pod>('pods', 'show', pod.pod_id)).toMatchObject({ status: 'deregistered' });
  });

  it('finds audit events by the bare resource id the gateway shows', async () => {
    const pod = await json<Pod>('pods', 'register', 'Audited', '--az', 'az-audit');
    const events = await eventually(
      () => json<AuditEvent[]>('audit', 'list', '--resource', pod.pod_id),
      (list) => list.length > 0,
    );
    expect(events).toEqual([
      expect.objectContaining({
        type: 'PodRegistered',
        resource_type: 'pod',
        resource_id: pod.pod_id,
        stream: `pod-${pod.pod_id}`,
      }),
    ]);
  });

  it('is answered alike by the CLI test double (testing/admin-api-double.ts): it has not drifted', async () => {
    const real = await driftTranscript(env);
    const api = await startAdminApiDouble({ auditEvents: 5, pageSize: 100 });
    try {
      expect(await driftTranscript({ OS_TOKEN: 'admin:admin', PODGATE_URL: api.url })).toEqual(real);
    } finally {
      await api.stop();
    }
  });

  it("prints the gateway's error in one line with its status and request id", async () => {
    const missing = await run('bindings', 'end', UNKNOWN_ID);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      new RegExp(`^podgate: binding ${UNKNOWN_ID} could not be found \\(HTTP 404\\) \\(${REQUEST_ID}\\)\\n$`),
    );
    const member = await podgate({ ...env, OS_TOKEN: 'alice:tenant-a' }, 'pods', 'list');
    expect(member.stderr).toMatch(/^podgate: .+ \(HTTP 403\) \(Request-ID: req-[0-9a-f-]{36}\)\n$/);
    // The export's refusal arrives on the streaming path, read from the error envelope all the same.
    const exportRefused = await podgate(
      { ...env, OS_TOKEN: 'alice:tenant-a' },
      'audit',
      'export',
      '-o',
      join(dataDir, 'no.jsonl'),
    );
    expect(exportRefused).toMatchObject({ code: 1, stdout: '' });
    expect(exportRefused.stderr).toMatch(
      new RegExp(`^podgate: Policy doesn't allow admin:audit:export to be performed\\. \\(HTTP 403\\) \\(${REQUEST_ID}\\)\\n$`),
    );
    expect(await run('pods', 'show', 'Pod9')).toMatchObject({
      code: 1,
      stderr: "podgate: No pod with a name or ID of 'Pod9' exists.\n",
    });
  });
});

/** Retries until `done` (the audit read model is filled by a projection, shortly after each write). */
async function eventually<T>(attempt: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `instant` (UTC, ...Z) written as the same instant in the zone `minutes` east of UTC, e.g. +02:00. */
function withOffset(instant: string, minutes: number): string {
  const local = new Date(Date.parse(instant) + minutes * 60_000).toISOString().slice(0, -1);
  const size = Math.abs(minutes);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${local}${minutes < 0 ? '-' : '+'}${pad(Math.floor(size / 60))}:${pad(size % 60)}`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Cli {
  run(...args: string[]): Promise<CliRun>;
  json<T>(...args: string[]): Promise<T>;
}

function cliAt(env: NodeJS.ProcessEnv): Cli {
  const run = (...args: string[]) => podgate(env, ...args);
  return {
    run,
    json: async <T>(...args: string[]): Promise<T> => {
      const result = await run(...args, '-f', 'json');
      if (result.code !== 0) throw new Error(`podgate ${args.join(' ')} failed: ${result.stderr}`);
      return result.json<T>();
    },
  };
}

/**
 * One scenario through the CLI, as the user sees it, with ids, instants and request ids replaced by
 * their roles: two pods, a pin and a re-pin, the refusals the CLI prints, and how the audit names
 * a resource. The real gateway and the CLI's test double must give the same transcript.
 */
async function driftTranscript(env: NodeJS.ProcessEnv): Promise<unknown> {
  const cli = cliAt(env);
  return { ...(await pinTranscript(cli)), audit: await auditNaming(cli) };
}

async function pinTranscript({ run, json }: Cli): Promise<object> {
  const podA = await json<Pod>('pods', 'register', 'DriftA', '--az', 'az-drift');
  const podB = await json<Pod>('pods', 'register', 'DriftB', '--az', 'az-drift');
  const pin = (pod: string) => json<Binding>('bindings', 'create', '--project', 'tenant-drift', '--az', 'az-drift', '--pod', pod);
  const first = await pin('DriftA');
  await pause(5);
  const second = await pin('DriftB');
  const scrub = scrubber({
    [podA.pod_id]: 'pod A',
    [podB.pod_id]: 'pod B',
    [first.binding_id]: 'binding 1',
    [second.binding_id]: 'binding 2',
    [first.bound_at]: 'bound_at 1',
    [second.bound_at]: 'bound_at 2',
  });
  const history = await json<Binding[]>('bindings', 'list', '--project', 'tenant-drift');
  const refusals = [
    await run('pods', 'deregister', 'DriftB'),
    await run('pods', 'register', 'DriftA', '--az', 'az-drift'),
    await run('pods', 'show', UNKNOWN_ID),
    await run('bindings', 'end', UNKNOWN_ID),
  ];
  const ended = await json<Binding>('bindings', 'end', second.binding_id);
  return {
    pod: { keys: Object.keys(podA).sort(), pod_az_name: podA.pod_az_name, dc_name: podA.dc_name, status: podA.status },
    binding: { keys: Object.keys(first).sort() },
    history: history.map((binding) => ({
      ...{ binding: scrub(binding.binding_id), pod: scrub(binding.pod_id), reason: binding.reason, active: binding.active },
      ...{ bound_at: scrub(binding.bound_at), bound_by: binding.bound_by, ended_at: scrub(binding.ended_at) },
      ...{ end_reason: binding.end_reason, ended_by: binding.ended_by },
    })),
    refusals: refusals.map((result) => `${result.code} ${scrub(result.stderr)}`),
    ended: { active: ended.active, end_reason: ended.end_reason, ended_by: ended.ended_by },
  };
}

/** Each value in `roles` replaced by `<role>`, and request ids by `<req>`. */
function scrubber(roles: Record<string, string>): (text: string | null) => string | null {
  return (text) =>
    text === null
      ? null
      : Object.entries(roles)
          .reduce((done, [value, role]) => done.replaceAll(value, `<${role}>`), text)
          .replace(/req-[0-9a-f-]{36}/g, '<req>');
}

/** The audit's stream is `<type>-<id>`, its resource_id the bare id, and a filter by that id finds the event. */
async function auditNaming({ json }: Cli): Promise<object> {
  const [event] = await eventually(
    () => json<AuditEvent[]>('audit', 'list', '--type', 'PodRegistered', '--limit', '1'),
    (list) => list.length > 0,
  );
  const byBareId = await json<AuditEvent[]>('audit', 'list', '--type', 'PodRegistered', '--resource', event.resource_id ?? '');
  return {
    stream: event.stream === `${event.resource_type}-${event.resource_id}`,
    bareId: !(event.resource_id ?? '').includes('/'),
    byBareId: byBareId.map((found) => found.event_id === event.event_id),
  };
}
