import type { PodgateConfig } from '@podgate/config';
import { type EventStore, openPostgresEventStore } from '@podgate/event-store';
import { type PodProfile, podIdFor, podsProjection, podStream, podUsageStream } from '@podgate/pods';
import { migrateReadModel, ProjectionRunner, waitForCheckpoint } from '@podgate/read-model';
import { PGliteClient, type SqlClient } from '@podgate/sql';
import { BindingWriter } from '../commands/binding-writer';
import type { BindingsWriteOptions } from '../commands/bindings-write.options';
import { EndBindingHandler } from '../commands/end-binding/end-binding.handler';
import { PinTenantHandler } from '../commands/pin-tenant/pin-tenant.handler';
import { SelectPodHandler } from '../commands/select-pod/select-pod.handler';
import { bindingsProjection } from '../projections/bindings/bindings.projection';
import { type TrackingStore, trackingStore } from './tracking-store';

export { adminContext, steppingClock, tenantContext } from './test-contexts';

export type Weighers = PodgateConfig['scheduling']['weighers'];

export interface BindingsTestBed {
  readonly sql: SqlClient;
  readonly store: EventStore;
  /** Appends PodRegistered (as the pods slice would) and returns the pod id. */
  registerPod(name: string, profile?: Partial<PodProfile>): Promise<string>;
  startMaintenance(podId: string): Promise<void>;
  deregisterPod(podId: string): Promise<void>;
  /** A usage report: a used fraction, or 'unreachable'. */
  reportUsage(podId: string, usedFraction: number | 'unreachable'): Promise<void>;
  /** Resolves when the running projections have applied everything appended through `store` so far. */
  caughtUp(): Promise<void>;
  /** Stops the bindings projection, so rm_bindings lags the log, until the returned function is called. */
  pauseBindingsProjection(): Promise<() => void>;
  selectPod(options?: BindingsWriteOptions & { weighers?: Weighers; store?: EventStore }): SelectPodHandler;
  pinTenant(options?: BindingsWriteOptions): PinTenantHandler;
  endBinding(options?: BindingsWriteOptions): EndBindingHandler;
  close(): Promise<void>;
}

/**
 * The log and the read models on one database, with the pods and bindings projections running, as
 * embedded podgate runs. Pods are made by appending the pods slice's permanent events, so these
 * specs depend on its events and projection, not on its command handlers.
 */
export async function openBindingsTestBed(
  open: () => Promise<{ sql: SqlClient; store: EventStore }> = openPGlite,
): Promise<BindingsTestBed> {
  const opened = await open();
  const { sql } = opened;
  const store = trackingStore(opened.store);
  await migrateReadModel(sql, [podsProjection, bindingsProjection]);
  const projections = startProjections(store, sql);
  return {
    sql,
    store,
    ...podFixtures(store),
    caughtUp: projections.caughtUp,
    pauseBindingsProjection: projections.pauseBindings,
    ...handlerFactories(store, sql),
    async close() {
      await projections.stop();
      await store.close(); // closes its SqlClient, which the read model shares
    },
  };
}

type PodFixtures = Pick<BindingsTestBed, 'registerPod' | 'startMaintenance' | 'deregisterPod' | 'reportUsage'>;

/** The pods slice's events, appended as its handlers would append them. */
function podFixtures(store: EventStore): PodFixtures {
  const append = async (stream: string, type: string, data: object) => {
    await store.append(stream, [{ id: crypto.randomUUID(), type, data: data as never, metadata: fixtureMetadata }], 'any');
  };
  return {
    async registerPod(name, profile = {}) {
      const podId = podIdFor(name);
      await append(podStream(podId), 'PodRegistered', { podId, name, ...defaultProfile, ...profile });
      return podId;
    },
    startMaintenance: (podId) => append(podStream(podId), 'PodMaintenanceStarted', { podId, reason: 'test' }),
    deregisterPod: (podId) => append(podStream(podId), 'PodDeregistered', { podId, forced: true, reason: 'test' }),
    reportUsage: (podId, usedFraction) => append(podUsageStream(podId), 'PodUsageReported', usageReport(podId, usedFraction)),
  };
}

interface RunningProjections {
  caughtUp(): Promise<void>;
  pauseBindings(): Promise<() => void>;
  stop(): Promise<void>;
}

/** The pods and bindings projections, run as the embedded projector runs them. */
function startProjections(store: TrackingStore, sql: SqlClient): RunningProjections {
  const [pods, bindings] = [podsProjection, bindingsProjection].map(
    (p) => new ProjectionRunner(store, sql, p, { flushMs: 1, retryMs: 20 }),
  );
  const running = new Set([pods, bindings]);
  running.forEach((runner) => runner.start());
  return {
    async caughtUp() {
      for (const runner of running) {
        const position = store.lastAppendedFor(runner.projection);
        if (position && !(await waitForCheckpoint(sql, runner.projection, position, 10_000))) {
          throw new Error(`projection ${runner.projection.name} did not catch up`);
        }
      }
    },
    async pauseBindings() {
      running.delete(bindings);
      await bindings.stop();
      return () => {
        running.add(bindings);
        bindings.start();
      };
    },
    async stop() {
      await Promise.all([pods.stop(), bindings.stop()]);
    },
  };
}

type HandlerFactories = Pick<BindingsTestBed, 'selectPod' | 'pinTenant' | 'endBinding'>;

/** The slice's command handlers over the bed's store and read model; admin commands wait up to 5 s to read their writes. */
function handlerFactories(store: EventStore, sql: SqlClient): HandlerFactories {
  const writer = (options?: BindingsWriteOptions) => new BindingWriter(store, sql, { readYourWritesMs: 5000, ...options });
  return {
    selectPod: ({ weighers, store: storeOverride, ...options } = {}) =>
      new SelectPodHandler(
        storeOverride ?? store,
        sql,
        { scheduling: { usagePollSeconds: 0, weighers: weighers ?? DEFAULT_WEIGHERS } },
        options,
      ),
    pinTenant: (options) => new PinTenantHandler(writer(options)),
    endBinding: (options) => new EndBindingHandler(writer(options)),
  };
}

async function openPGlite(): Promise<{ sql: SqlClient; store: EventStore }> {
  const sql = await PGliteClient.open();
  return { sql, store: await openPostgresEventStore(sql, { subscriptionIdleMs: 10 }) };
}

const DEFAULT_WEIGHERS: Weighers = { freeCapacity: 1, fewerBindings: 0 };

const defaultProfile: PodProfile = {
  azName: 'az1',
  podAzName: 'nova',
  dcName: 'dc1',
  affinityTag: null,
  capacityThreshold: 0.9,
  endpoints: {},
};

function usageReport(podId: string, usedFraction: number | 'unreachable') {
  const reportedAt = new Date().toISOString();
  if (usedFraction === 'unreachable')
    return { podId, reachable: false, usage: null, usedFraction: null, reportedAt, error: 'connect ECONNREFUSED' };
  const usage = {
    vcpus: 100,
    vcpusUsed: Math.round(usedFraction * 100),
    memoryMb: 1000,
    memoryMbUsed: 0,
    diskGb: 100,
    diskGbUsed: 0,
    runningVms: 1,
  };
  return { podId, reachable: true, usage, usedFraction, reportedAt };
}

const fixtureMetadata = {
  correlationId: 'req-fixture',
  causationId: 'req-fixture',
  requestId: 'req-fixture',
  actor: { userId: 'admin-user', projectId: 'admin', roles: ['admin'] },
  occurredAt: '2026-01-01T00:00:00.000Z',
};
