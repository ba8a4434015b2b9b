// The admin commands against the REAL gateway (embedded store in a temp folder, noauth: the
// default on loopback), reached as `OS_TOKEN=admin:admin PODGATE_URL=<gateway>`. The pods'
// endpoints are the pod simulator's (a test double of the clouds, not of the gateway).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@podgate/config';
import { createLogger } from '@podgate/runtime';
import { type SimulatorHandle, startSimulator } from '../../pod-simulator/src/simulator';
import { createGateway } from '../../gateway/src/bootstrap/create-gateway';
import type { AuditEvent, Binding, Pod } from './admin-client/resources';
import { podgate } from './testing/memory-io';

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

  it("prints the gateway's error in one line with its status and request id", async () => {
    const missing = await run('bindings', 'end', '00000000-0000-4000-8000-000000000000');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^podgate: .+ \(HTTP 404\) \(Request-ID: req-[0-9a-f-]{36}\)\n$/);
    const member = await podgate({ ...env, OS_TOKEN: 'alice:tenant-a' }, 'pods', 'list');
    expect(member.stderr).toMatch(/^podgate: .+ \(HTTP 403\) \(Request-ID: req-[0-9a-f-]{36}\)\n$/);
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
