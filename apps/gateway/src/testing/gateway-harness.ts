// Test helper (excluded from the build): podgate in front of simulated pods, all on real sockets.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@podgate/config';
import { EVENT_STORE, type EventStore } from '@podgate/event-store';
import { READ_MODEL_SQL } from '@podgate/read-model';
import { createLogger } from '@podgate/runtime';
import type { SqlClient } from '@podgate/sql';
import request, { type Test } from 'supertest';
import {
  type PodHandle,
  type SimulatorHandle,
  type SimulatorOptions,
  startSimulator,
} from '../../../pod-simulator/src/simulator';
import { checkAnswer } from '../admin/testing/admin-harness';
import { createGateway } from '../bootstrap/create-gateway';
import { PodApiVersions } from '../api/pod-versions';
import { VOLUME_API_VERSIONS } from '../volume/versions/volume-versions.module';

export interface HarnessPodOptions {
  /** The availability zone users see (the pod's `az_name`). */
  readonly az: string;
  /** The pod's own AZ (the simulator's, `pod_az_name`); default `az`. */
  readonly podAz?: string;
  /** The simulated Nova's maximum microversion; default the simulator's 2.96. */
  readonly computeMaxVersion?: string;
  /** The simulated Cinder's maximum microversion; default the simulator's 3.71. */
  readonly volumeMaxVersion?: string;
  /** false: the simulator runs the pod, podgate does not know it until `registerPod(index)`. */
  readonly register?: boolean;
}

export interface ComputeHarnessOptions {
  /** One entry per simulated pod (regions Pod1, Pod2, ...); default az1 and az2. */
  readonly pods?: readonly HarnessPodOptions[];
  /** Gateway settings on top of the harness's (Keystone mode, fresh data dir, usage poll off). */
  readonly env?: NodeJS.ProcessEnv;
  /** Simulator settings; by default every simulated task (build, actions, volumes) is instant. */
  readonly simulator?: Omit<SimulatorOptions, 'pods' | 'basePort'>;
  /** The gateway's log level; default silent. */
  readonly logLevel?: string;
}

/** A simulated pod as the harness set it up; `podId` once registered with podgate. */
export interface HarnessPod {
  readonly index: number;
  /** Keystone region = podgate pod name (`Pod1`, ...). */
  readonly name: string;
  readonly az: string;
  readonly podAz: string;
  readonly sim: PodHandle;
  podId?: string;
}

/** Requests with one token (or none); every answer is checked: a request id, never a 500. */
export interface Caller {
  get(path: string): Test;
  post(path: string, body?: object): Test;
  put(path: string, body?: object): Test;
  patch(path: string, body?: object): Test;
  delete(path: string): Test;
}

export type SeedUser = 'alice' | 'bob' | 'admin';

export interface ComputeHarness {
  /** podgate's base URL, `http://127.0.0.1:<port>` (no trailing slash). */
  readonly url: string;
  readonly app: NestFastifyApplication;
  readonly sim: SimulatorHandle;
  readonly store: EventStore;
  readonly sql: SqlClient;
  readonly pods: readonly HarnessPod[];
  /** A project-scoped Keystone token of a seed user (alice: tenant-a, bob: tenant-b, admin: admin), cached. */
  tokenOf(user: string, projectName?: string): string;
  /** The Keystone project id of a project name (`tenant-a`, ...). */
  projectIdOf(projectName: string): string;
  /** A seed user's caller; `as()` calls without a token. */
  as(user?: SeedUser | string): Caller;
  withToken(token: string | undefined): Caller;
  /** Registers a simulated pod through the admin API (az_name, pod_az_name from its options). */
  registerPod(index: number): Promise<Record<string, unknown>>;
  /** Makes the compute and volume ranges follow the registered pods now instead of within the next poll. */
  refreshVersions(): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_PODS: readonly HarnessPodOptions[] = [{ az: 'az1' }, { az: 'az2' }];

/**
 * The real gateway (createGateway, as `npm start` builds it) in Keystone mode against the pod
 * simulator's Keystone, listening on 127.0.0.1:0, with the simulated pods registered through the
 * admin API. The simulator's RegionOne catalog points at this gateway, as a deployment's would.
 */
export async function startComputeHarness(options: ComputeHarnessOptions = {}): Promise<ComputeHarness> {
  const podOptions = options.pods ?? DEFAULT_PODS;
  const sim = await startSimulator({
    delays: { buildMs: 0, actionMs: 0, volumeMs: 0 },
    ...options.simulator,
    pods: podOptions.map((p) => ({
      az: p.podAz ?? p.az,
      computeMaxVersion: p.computeMaxVersion,
      volumeMaxVersion: p.volumeMaxVersion,
    })),
    basePort: 0,
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'podgate-compute-e2e-'));
  let app: NestFastifyApplication | undefined;
  try {
    const config = loadConfig({
      PODGATE_DATA_DIR: dataDir,
      KEYSTONE_URL: sim.authUrl,
      PODGATE_SERVICE_PASSWORD: 'podgate-secret',
      PODGATE_USAGE_POLL_SECONDS: '0',
      ...options.env,
    });
    app = await createGateway(config, createLogger(options.logLevel ?? 'silent', 'compute-e2e'));
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace(/\/+$/, '');
    sim.keystone.publish(
      sim.keystoneUrl,
      url,
      sim.pods.map((p) => ({ region: p.region, url: p.url })),
    );
    return await assemble(app, sim, url, dataDir, podOptions);
  } catch (error) {
    await app?.close();
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function assemble(
  app: NestFastifyApplication,
  sim: SimulatorHandle,
  url: string,
  dataDir: string,
  podOptions: readonly HarnessPodOptions[],
): Promise<ComputeHarness> {
  const tokens = new Map<string, string>();
  const tokenOf = (user: string, projectName?: string): string => {
    const key = `${user}@${projectName ?? ''}`;
    let token = tokens.get(key);
    if (!token) tokens.set(key, (token = sim.issueToken(user, projectName)));
    return token;
  };
  const withToken = (token: string | undefined): Caller => {
    const prepare = (test: Test, body?: object): Test => {
      if (token !== undefined) void test.set('X-Auth-Token', token);
      if (body !== undefined) void test.send(body);
      return test.expect(checkAnswer);
    };
    return {
      get: (path) => prepare(request(url).get(path)),
      post: (path, body) => prepare(request(url).post(path), body),
      put: (path, body) => prepare(request(url).put(path), body),
      patch: (path, body) => prepare(request(url).patch(path), body),
      delete: (path) => prepare(request(url).delete(path)),
    };
  };
  const versions = app.get(PodApiVersions);
  const volumeVersions = app.get<PodApiVersions>(VOLUME_API_VERSIONS);
  const refreshVersions = async (): Promise<void> => {
    await Promise.all([versions.refresh(), volumeVersions.refresh()]);
  };
  const pods: HarnessPod[] = sim.pods.map((handle, index) => ({
    index,
    name: handle.region,
    az: podOptions[index].az,
    podAz: podOptions[index].podAz ?? podOptions[index].az,
    sim: handle,
  }));
  const registerPod = async (index: number): Promise<Record<string, unknown>> => {
    const pod = pods[index];
    const response = await withToken(tokenOf('admin'))
      .post('/v1.0/pods', { pod: { name: pod.name, az_name: pod.az, pod_az_name: pod.podAz } })
      .expect(201);
    const wire = response.body.pod as Record<string, unknown>;
    pod.podId = wire.pod_id as string;
    return wire;
  };
  for (const [index, options] of podOptions.entries()) if (options.register !== false) await registerPod(index);
  await refreshVersions();
  return {
    url,
    app,
    sim,
    store: app.get<EventStore>(EVENT_STORE),
    sql: app.get<SqlClient>(READ_MODEL_SQL),
    pods,
    tokenOf,
    projectIdOf: (name) => {
      const project = sim.keystone.directory.findProject({ name });
      if (!project) throw new Error(`the simulator has no project ${name}`);
      return project.id;
    },
    as: (user) => withToken(user === undefined ? undefined : tokenOf(user)),
    withToken,
    registerPod,
    refreshVersions,
    close: async () => {
      await app.close();
      await sim.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
