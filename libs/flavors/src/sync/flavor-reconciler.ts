import { PodSyncReconciler, type PodSyncReconcilerOptions, type PodSyncSubject } from '@podgate/pod-sync';
import type { SqlExecutor } from '@podgate/sql';
import type { FlavorWriter } from '../commands/flavor-writer';
import { asPodSyncStatus, flavorSyncStatusOf } from '../domain/flavor-sync.planner';
import type { FlavorState } from '../domain/flavor.state';
import { flavorsProjection } from '../projections/flavors/flavors.projection';
import { listFlavorSyncStatuses } from '../queries/flavors/flavor-sync.query';
import type { FlavorPodPusher } from './flavor-pod-pusher';

export type FlavorReconcilerOptions = PodSyncReconcilerOptions;

const FLAVOR_SYNC = { noun: 'flavor', intervalSetting: 'PODGATE_FLAVOR_SYNC_SECONDS' } as const;

/** Flavors as a PodSyncSubject: pushed with their own id (Nova takes it), so nothing but the generation is recorded. */
function flavorSyncSubject(sql: SqlExecutor, writer: FlavorWriter, pusher: FlavorPodPusher): PodSyncSubject<FlavorState> {
  const record = { awaitReadModel: false } as const;
  return {
    ...FLAVOR_SYNC,
    projection: flavorsProjection,
    listStatuses: async () => (await listFlavorSyncStatuses(sql)).map(asPodSyncStatus),
    load: (flavorId) => writer.load(flavorId),
    statusOf: (state) => {
      const status = flavorSyncStatusOf(state);
      return status && asPodSyncStatus(status);
    },
    carryOut: (pod, task, state, requestId, signal) =>
      task.kind === 'push' && state.status === 'defined'
        ? pusher.push(pod, state.flavor, requestId, signal)
        : pusher.remove(pod, task.id, requestId, signal),
    recordSynced: async ({ id: flavorId, podId, generation }, _done, context) => {
      await writer.decide({ type: 'RecordFlavorSync', flavorId, podId, generation }, context, record);
    },
    recordFailure: async ({ id: flavorId, podId, generation }, failure, context) => {
      await writer.decide({ type: 'RecordFlavorSyncFailure', flavorId, podId, generation, ...failure }, context, record);
    },
  };
}

/**
 * Keeps every active pod holding every live flavor, and no deleted one: the shared PodSyncReconciler
 * over rm_flavors and the flavors' streams (see @podgate/pod-sync). `pusher` null (noauth): off.
 */
export class FlavorReconciler extends PodSyncReconciler<FlavorState> {
  constructor(
    sql: SqlExecutor,
    writer: FlavorWriter,
    pusher: FlavorPodPusher | null,
    options: FlavorReconcilerOptions,
    offReason?: string,
  ) {
    super(sql, FLAVOR_SYNC, pusher ? flavorSyncSubject(sql, writer, pusher) : null, options, offReason);
  }
}
