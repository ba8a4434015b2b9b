// Starts the pod simulator in-process: one Keystone and N pods, each on its own port.
// A TEST DOUBLE and demo tool for podgate, never a gateway feature.
import type { FastifyInstance } from 'fastify';
import { Clock, systemClock } from './clock';
import { FaultState } from './faults/fault-state';
import { FaultTarget } from './faults/fault-target';
import { installFaultHook } from './faults/fault-hook';
import { registerAggregateFaultRoutes, registerFaultRoutes } from './faults/faults.routes';
import { SimLog } from './http/app';
import { ManagedListener } from './http/managed-listener';
import { createKeystoneApp } from './keystone/keystone-app';
import { KeystoneState } from './keystone/keystone-state';
import { DEFAULT_SEED, IdentitySeed, loadSeed } from './keystone/seed';
import { PodDelays, PodOptions, resolvePodConfig } from './pod/pod-config';
import { PodState } from './pod/pod-state';
import { SimulatedPod } from './pod/simulated-pod';

export interface SimulatorOptions {
  /** Interface to bind; 127.0.0.1 unless told otherwise. */
  host?: string;
  /** Keystone listens here, pod N on basePort + N. 0 = every port ephemeral (tests). */
  basePort?: number;
  /** How many pods (default 2), or one options object per pod. */
  pods?: number | PodOptions[];
  /** The gateway's base URL for the RegionOne endpoints of the catalog. */
  gatewayUrl?: string;
  tokenTtlSeconds?: number;
  /** Identity seed, or the path of a JSON seed file. */
  seed?: IdentitySeed | string;
  /** Delays for every pod that does not set its own. */
  delays?: Partial<PodDelays>;
  clock?: Clock;
  /** Request log; `true` prints to stdout. */
  log?: SimLog | boolean;
  /** Seed of the random error injection, for reproducible fault runs. */
  faultSeed?: number;
}

export interface PodHandle {
  name: string;
  region: string;
  az: string;
  url: string;
  computeUrl: string;
  /** Contains `%(project_id)s`, as in the catalog. */
  volumeUrlTemplate: string;
  networkUrl: string;
  imageUrl: string;
  state: PodState;
  faults: FaultState;
  down(forMs?: number): Promise<void>;
  up(): Promise<void>;
  reset(options?: { data?: boolean }): Promise<void>;
}

export interface SimulatorHandle {
  keystoneUrl: string;
  /** `${keystoneUrl}/v3`, what OS_AUTH_URL should be. */
  authUrl: string;
  pods: PodHandle[];
  keystone: KeystoneState;
  keystoneFaults: FaultState;
  /** A project-scoped token straight from the in-process Keystone (no HTTP), for tests. */
  issueToken(username: string, projectName?: string): string;
  stop(): Promise<void>;
}

export const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:19999';

export async function startSimulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const host = options.host ?? '127.0.0.1';
  const basePort = options.basePort ?? 0;
  const clock = options.clock ?? systemClock;
  const log = options.log === true ? (line: string) => process.stdout.write(`${line}\n`) : options.log || undefined;
  const seed = typeof options.seed === 'string' ? loadSeed(options.seed) : (options.seed ?? DEFAULT_SEED);
  const keystone = new KeystoneState(seed, clock, options.tokenTtlSeconds ?? 3600);
  const adminProject =
    keystone.directory.findProject({ name: 'admin' })?.id ?? keystone.directory.listProjects()[0]?.id ?? 'admin';
  const podOptions: PodOptions[] =
    typeof options.pods === 'number' || options.pods === undefined
      ? Array.from({ length: options.pods ?? 2 }, () => ({}))
      : options.pods;
  const pods = podOptions.map((o, i) => {
    const config = resolvePodConfig(
      i,
      { ...o, port: o.port ?? (basePort > 0 ? basePort + i + 1 : 0) },
      { delays: options.delays },
    );
    return new SimulatedPod(new PodState(config, clock, adminProject, (options.faultSeed ?? 42) + i), keystone, host, log);
  });
  const keystoneTarget = new KeystoneTarget(keystone, pods, host, basePort, log);
  await keystoneTarget.up();
  await Promise.all(pods.map((pod) => pod.up()));
  keystone.publish(
    keystoneTarget.url,
    options.gatewayUrl ?? DEFAULT_GATEWAY_URL,
    pods.map((p) => ({ region: p.state.config.region, url: p.url })),
  );
  return {
    keystoneUrl: keystoneTarget.url,
    authUrl: `${keystoneTarget.url}/v3`,
    pods: pods.map(podHandle),
    keystone,
    keystoneFaults: keystoneTarget.faults,
    issueToken: (username, projectName) => issueToken(keystone, username, projectName),
    stop: async () => {
      for (const pod of pods) await pod.down();
      await keystoneTarget.down();
    },
  };
}

function podHandle(pod: SimulatedPod): PodHandle {
  const c = pod.state.config;
  return {
    name: c.name,
    region: c.region,
    az: c.az,
    url: pod.url,
    computeUrl: `${pod.url}/compute/v2.1`,
    volumeUrlTemplate: `${pod.url}/volume/v3/%(project_id)s`,
    networkUrl: `${pod.url}/network`,
    imageUrl: `${pod.url}/image`,
    state: pod.state,
    faults: pod.faults,
    down: (forMs) => pod.down(forMs),
    up: () => pod.up(),
    reset: (o) => pod.reset({ data: o?.data ?? false }),
  };
}

function issueToken(keystone: KeystoneState, username: string, projectName?: string): string {
  const user = keystone.directory.findUser({ name: username });
  if (!user) throw new Error(`pod simulator: no user ${username}`);
  const project = projectName
    ? keystone.directory.findProject({ name: projectName })
    : user.defaultProjectId
      ? keystone.directory.getProject(user.defaultProjectId)
      : undefined;
  if (!project) throw new Error(`pod simulator: no project for ${username}`);
  return keystone.tokens.issue({ user, project, methods: ['password'] }).id;
}

/** Keystone as a fault target; its /__sim/reset resets every pod as well. */
class KeystoneTarget implements FaultTarget {
  readonly name = 'keystone';
  readonly faults = new FaultState(7);
  private readonly listener: ManagedListener;

  constructor(
    keystone: KeystoneState,
    private readonly pods: SimulatedPod[],
    host: string,
    port: number,
    log?: SimLog,
  ) {
    const extend = (app: FastifyInstance) => {
      installFaultHook(app, this.faults);
      registerFaultRoutes(app, '/__sim', () => this);
      registerAggregateFaultRoutes(app, () => this.pods);
    };
    this.listener = new ManagedListener(async () => createKeystoneApp(keystone, extend, log), host, port);
  }

  get url(): string {
    return this.listener.url;
  }

  isUp = () => this.listener.isUp();
  up = () => this.listener.up();
  down = (forMs?: number) => this.listener.down(forMs);

  async reset(options: { data: boolean }): Promise<void> {
    this.faults.reset();
    for (const pod of this.pods) await pod.reset(options);
  }

  describe(): Record<string, unknown> {
    return { name: this.name, url: this.url, simulator: 'keystone of the pod simulator (test double)' };
  }
}
