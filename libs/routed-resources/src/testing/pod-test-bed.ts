// Test helper (excluded from the build): a podgate write side over PGlite (event store, the pods,
// bindings and routings projections, registered pods) in front of the pod simulator on real
// sockets, for the slices that route resources to pods (servers, volumes).
import { bindingsProjection } from '@podgate/bindings';
import {
  comparePositions,
  type EventStore,
  type GlobalPosition,
  matchesFilter,
  openPostgresEventStore,
  type RecordedEvent,
} from '@podgate/event-store';
import type { RequestContext } from '@podgate/kernel';
import { type KeystoneClient, PodProxy } from '@podgate/openstack';
import { podIdFor, podsProjection, podStream } from '@podgate/pods';
import { migrateReadModel, type Projection, ProjectionRunner, waitForCheckpoint } from '@podgate/read-model';
import { routingsProjection } from '@podgate/routing';
import { PGliteClient, type SqlClient } from '@podgate/sql';
import type { PodOptions } from '../../../../apps/pod-simulator/src/pod/pod-config';
import { type PodHandle, type SimulatorHandle, startSimulator } from '../../../../apps/pod-simulator/src/simulator';

/** One simulated pod registered in podgate: user AZ `az`, the pod's own AZ `pod-<az>`; Nova and Cinder. */
export interface BedPod {
  readonly podId: string;
  readonly name: string;
  readonly az: string;
  readonly sim: PodHandle;
}

export interface Tenant {
  readonly projectId: string;
  readonly token: string;
  /** A request of this user; the same `requestId` makes a re-run. */
  context(requestId?: string): RequestContext;
}

/** What a test may put in place of the bed's own: a transport in front of the proxy, the store, podgate's Keystone. */
export interface HandlerOverrides {
  readonly proxy?: Pick<PodProxy, 'forward'>;
  readonly store?: EventStore;
  readonly keystone?: Pick<KeystoneClient, 'serviceToken'>;
}

export interface PodTestBed {
  readonly sql: SqlClient;
  readonly store: EventStore;
  readonly sim: SimulatorHandle;
  readonly proxy: PodProxy;
  readonly pods: readonly BedPod[];
  tenant(user: 'alice' | 'bob' | 'admin'): Tenant;
  /** Resolves when the projections have applied everything appended so far. */
  caughtUp(): Promise<void>;
  /** Stops rm_routings' projection until the returned function is called. */
  pauseRoutings(): Promise<() => void>;
  /** The events of one stream, `type` and data flattened; [] when it does not exist. */
  history(stream: string): Promise<Record<string, unknown>[]>;
  readAll(): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}

const TEST_QUOTAS = { instances: 1000, cores: 100_000, ram: 100_000_000 };

/** Two pods, az1 and az2, each with its own simulated AZ name, so AZ translation is visible. */
export async function openPodTestBed(pods: readonly PodOptions[] = [{ az: 'pod-az1' }, { az: 'pod-az2' }]): Promise<PodTestBed> {
  const sim = await startSimulator({
    basePort: 0,
    delays: { buildMs: 0, actionMs: 0, volumeMs: 0 },
    pods: pods.map((p) => ({ quotas: TEST_QUOTAS, ...p })),
  });
  const sql = await PGliteClient.open();
  const store = await openPostgresEventStore(sql, { subscriptionIdleMs: 10 });
  // Where each projection's last relevant append landed: a checkpoint only moves over events its filter takes.
  const last = new Map<Projection, GlobalPosition>();
  const projections = [podsProjection, bindingsProjection, routingsProjection];
  const tracked = new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'append') return Reflect.get(target, property, receiver);
      return async (...args: Parameters<EventStore['append']>) => {
        const result = await target.append(...args);
        const [stream, events] = args;
        for (const projection of projections) {
          if (!events.some((event) => matchesFilter(projection.filter, stream, event.type))) continue;
          const previous = last.get(projection);
          if (!previous || comparePositions(result.position, previous) > 0) last.set(projection, result.position);
        }
        return result;
      };
    },
  });
  await migrateReadModel(sql, projections);
  const runners = projections.map((p) => new ProjectionRunner(tracked, sql, p, { flushMs: 1, retryMs: 20 }));
  runners.forEach((runner) => runner.start());
  const routings = runners[2];
  const bedPods = await Promise.all(sim.pods.map((pod, index) => registerPod(tracked, pod, `az${index + 1}`)));
  const proxy = new PodProxy({ timeoutMs: 5000 });
  const bed: PodTestBed = {
    sql,
    store: tracked,
    sim,
    proxy,
    pods: bedPods,
    tenant: (user) => tenantOf(sim, user),
    async caughtUp() {
      for (const runner of runners) {
        const position = last.get(runner.projection);
        if (position && !(await waitForCheckpoint(sql, runner.projection, position, 10_000))) {
          throw new Error(`projection ${runner.projection.name} did not catch up`);
        }
      }
    },
    async pauseRoutings() {
      await routings.stop();
      return () => routings.start();
    },
    async history(stream) {
      const events = await tracked.readStream(stream).catch(() => []);
      return events.map((e) => ({ type: e.type, ...(e.data as object) }));
    },
    readAll: () => tracked.readAll(),
    async close() {
      proxy.close();
      await Promise.all(runners.map((runner) => runner.stop()));
      await tracked.close();
      await sim.stop();
    },
  };
  await bed.caughtUp();
  return bed;
}

async function registerPod(store: EventStore, pod: PodHandle, azName: string): Promise<BedPod> {
  const podId = podIdFor(pod.region);
  const data = {
    podId,
    name: pod.region,
    azName,
    podAzName: pod.az,
    dcName: 'dc1',
    affinityTag: null,
    capacityThreshold: 0.9,
    endpoints: { compute: pod.computeUrl, volume: pod.volumeUrlTemplate },
  };
  await store.append(
    podStream(podId),
    [{ id: crypto.randomUUID(), type: 'PodRegistered', data, metadata: FIXTURE_METADATA }],
    'no_stream',
  );
  return { podId, name: pod.region, az: azName, sim: pod };
}

function tenantOf(sim: SimulatorHandle, user: 'alice' | 'bob' | 'admin'): Tenant {
  const directory = sim.keystone.directory;
  const account = directory.findUser({ name: user })!;
  const project = directory.getProject(account.defaultProjectId!)!;
  const token = sim.issueToken(user);
  const roles = user === 'admin' ? ['admin', 'member', 'reader'] : ['member', 'reader'];
  return {
    projectId: project.id,
    token,
    context: (requestId = `req-${crypto.randomUUID()}`) => ({
      requestId,
      caller: {
        userId: account.id,
        projectId: project.id,
        roles,
        userName: user,
        projectName: project.name,
        domainId: 'default',
      },
      token,
    }),
  };
}

const FIXTURE_METADATA = {
  correlationId: 'req-fixture',
  causationId: 'req-fixture',
  requestId: 'req-fixture',
  actor: { userId: 'admin-user', projectId: 'admin', roles: ['admin'] },
  occurredAt: '2026-01-01T00:00:00.000Z',
};
