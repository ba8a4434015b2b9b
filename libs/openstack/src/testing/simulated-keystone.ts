// Test helpers (excluded from the build): the pod simulator's Keystone on real sockets, a clock
// shared by the simulator and the client, and a logger that keeps every line it is given.
import { createServer } from 'node:net';
import { inspect } from 'node:util';
import type { ServiceCredentials } from '@podgate/config';
import type { Clock } from '@podgate/kernel';
import { manualClock } from '../../../../apps/pod-simulator/src/clock';
import { DEFAULT_SEED } from '../../../../apps/pod-simulator/src/keystone/seed';
import { type SimulatorHandle, type SimulatorOptions, startSimulator } from '../../../../apps/pod-simulator/src/simulator';
import { KeystoneClient, type KeystoneClientOptions } from '../keystone/keystone-client';
import type { KeystoneLogger } from '../keystone/keystone-logger';

export const SERVICE: ServiceCredentials = {
  username: 'podgate',
  password: 'podgate-secret',
  projectName: 'service',
  userDomainName: 'Default',
  projectDomainName: 'Default',
};

/** carol has no project: a password request without scope gets her an unscoped token. */
const SEED = { ...DEFAULT_SEED, users: [...DEFAULT_SEED.users, { name: 'carol', password: 'carol-secret', roles: {} }] };

export interface MovableClock extends Clock {
  advance(ms: number): void;
}

export class RecordingLogger implements KeystoneLogger {
  readonly lines: string[] = [];
  warn = (obj: object, msg: string) => void this.lines.push(`WARN ${msg} ${inspect(obj, { depth: 10 })}`);
  debug = (obj: object, msg: string) => void this.lines.push(`DEBUG ${msg} ${inspect(obj, { depth: 10 })}`);
}

export interface SimulatedKeystone {
  readonly sim: SimulatorHandle;
  readonly clock: MovableClock;
  readonly logger: RecordingLogger;
  client(overrides?: Partial<KeystoneClientOptions>): KeystoneClient;
  projectId(name: string): string;
  stop(): Promise<void>;
}

export async function startSimulatedKeystone(options: Partial<SimulatorOptions> = {}): Promise<SimulatedKeystone> {
  const simClock = manualClock(Date.now());
  const clock: MovableClock = { now: () => new Date(simClock()), advance: (ms) => simClock.advance(ms) };
  const sim = await startSimulator({
    pods: 2,
    basePort: 0,
    delays: { buildMs: 0, actionMs: 0, volumeMs: 0 },
    seed: SEED,
    clock: simClock,
    ...options,
  });
  const logger = new RecordingLogger();
  return {
    sim,
    clock,
    logger,
    client: (overrides = {}) =>
      new KeystoneClient(
        { url: sim.authUrl, service: SERVICE, endpointInterface: 'public', tokenCacheSeconds: 300, clock, ...overrides },
        logger,
      ),
    projectId: (name) => {
      const project = sim.keystone.directory.findProject({ name });
      if (!project) throw new Error(`no project ${name}`);
      return project.id;
    },
    stop: () => sim.stop(),
  };
}

/** A port nothing listens on (bound, then released), for "connection refused". */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Everything an error could leak through: message, stack, own fields, cause, as loggers print it. */
export const everythingIn = (value: unknown): string =>
  `${inspect(value, { depth: 10, showHidden: true })} ${JSON.stringify(value)}`;
