import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { type StartedProcess, freePort, startProcess, waitUntil } from './child-process';
import { expectStatus, waitForServer } from './openstack-http';
import type { SimulatedPod } from './simulated-pod';

/** `npm start` runs this after `npm run build` (its prestart). */
const GATEWAY_MAIN = 'dist/apps/gateway/src/main.js';
const BENCH_DATABASE = 'podgate_bench_gateway';
/** Nova's microversion where `networks: "none"` exists (no port, so no Neutron in the way). */
const CREATE_VERSION = { 'OpenStack-API-Version': 'compute 2.37' };

/** What the benchmark sets beyond the connection settings; everything else is podgate's default. */
export interface PodgateSettings {
  readonly logLevel: string;
  /** More podgate settings (environment variables), e.g. PG_POOL_MAX. */
  readonly env: Readonly<Record<string, string>>;
}

export interface PodgateGateway {
  readonly url: string;
  /** The fresh database holding its event store and read model. */
  readonly databaseUrl: string;
  readonly settings: PodgateSettings;
  readonly process: StartedProcess;
}

/**
 * The real gateway, started as `npm start` starts it (the built dist, configured only by the
 * environment), in Keystone mode against the simulator's Keystone (token validations cached, the
 * default 300 s), with its events and read model on the PostgreSQL server in a database made fresh
 * for this run.
 */
export async function startPodgate(
  sim: SimulatedPod,
  serverUrl: string,
  settings: PodgateSettings,
  dir: string,
): Promise<PodgateGateway> {
  if (process.env.PODGATE_BENCH_BUILD_FAILED)
    throw new Error('`npm run build` failed (see the output above): podgate not started');
  if (!existsSync(GATEWAY_MAIN)) throw new Error(`${GATEWAY_MAIN} is missing: run \`npm run build\` first`);
  const databaseUrl = await freshDatabase(serverUrl);
  const port = await freePort();
  // e.g. PODGATE_BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to see where podgate's time goes
  const nodeArgs = process.env.PODGATE_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const started = startProcess(process.execPath, [...nodeArgs, GATEWAY_MAIN], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PODGATE_HOST: '127.0.0.1',
      PODGATE_PORT: String(port),
      DATABASE_URL: databaseUrl,
      KEYSTONE_URL: sim.keystoneUrl,
      PODGATE_SERVICE_PASSWORD: 'podgate-secret', // the simulator's seeded service user (test double)
      LOG_LEVEL: settings.logLevel,
      ...settings.env,
    },
    logFile: join(dir, 'podgate.log'),
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil('podgate', async () => (await fetch(`${url}/healthz`)).status === 200, started, 120_000).catch(
    async (error: unknown) => {
      await started.stop();
      throw error;
    },
  );
  return { url, databaseUrl, settings, process: started };
}

async function freshDatabase(serverUrl: string): Promise<string> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  return url.toString();
}

export interface PodgateFixture {
  readonly flavorId: string;
  readonly imageId: string;
}

/** The admin's set-up through podgate's own APIs: the pod registered, a gateway flavor pushed to it. */
export async function preparePodgate(podgate: PodgateGateway, sim: SimulatedPod, adminToken: string, userToken: string) {
  await expectStatus(`${podgate.url}/v1.0/pods`, 'POST', adminToken, 201, {
    pod: { name: sim.pod.region, az_name: sim.pod.az, pod_az_name: sim.pod.az },
  });
  const flavor = await expectStatus(`${podgate.url}/compute/v2.1/flavors`, 'POST', adminToken, 200, {
    flavor: { name: 'bench.nano', ram: 64, vcpus: 1, disk: 1 },
  });
  const flavorId = (flavor.body as { flavor: { id: string } }).flavor.id;
  // The flavor reconciler pushes it to the pod; servers can use it once the pod has it.
  await waitUntil(
    `flavor ${flavorId} on ${sim.pod.region}`,
    async () => (await fetch(`${sim.pod.computeUrl}/flavors/${flavorId}`, { headers: { 'x-auth-token': adminToken } })).ok,
    undefined,
    90_000,
  );
  const images = await expectStatus(`${sim.pod.url}/image/v2/images?name=cirros`, 'GET', userToken, 200);
  const imageId = (images.body as { images: { id: string }[] }).images[0]?.id;
  if (!imageId) throw new Error(`${sim.pod.region} has no cirros image`);
  return { flavorId, imageId } satisfies PodgateFixture;
}

/** Boots servers through podgate (POST /compute/v2.1/servers) and waits until each is ACTIVE, as seen through podgate. */
export async function createServers(
  podgate: PodgateGateway,
  fixture: PodgateFixture,
  token: string,
  names: readonly string[],
): Promise<string[]> {
  const compute = `${podgate.url}/compute/v2.1`;
  const ids: string[] = [];
  for (const name of names) {
    const created = await expectStatus(
      `${compute}/servers`,
      'POST',
      token,
      202,
      { server: { name, flavorRef: fixture.flavorId, imageRef: fixture.imageId, networks: 'none' } },
      CREATE_VERSION,
    );
    ids.push((created.body as { server: { id: string } }).server.id);
  }
  for (const id of ids) await waitForServer(compute, token, id);
  return ids;
}

/** How many server events podgate appended, by type (proof the actions were recorded, not just forwarded). */
export async function countServerEvents(podgate: PodgateGateway): Promise<Record<string, number>> {
  const client = new Client({ connectionString: podgate.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ type: string; n: string }>(
      "SELECT type, count(*) AS n FROM es_events WHERE type LIKE 'Server%' GROUP BY type ORDER BY type",
    );
    return Object.fromEntries(rows.map((row) => [row.type, Number(row.n)]));
  } finally {
    await client.end();
  }
}

/** The PostgreSQL backends serving podgate's database now (its pool), not the other tests sharing the server. */
export async function backendPids(podgate: PodgateGateway): Promise<number[]> {
  const client = new Client({ connectionString: podgate.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}
