import { listSyncStatuses, PodSyncReconciler, type PodSyncReconcilerOptions, type PodSyncSubject } from '@podgate/pod-sync';
import type { SqlExecutor } from '@podgate/sql';
import type { VolumeTypeWriter } from '../commands/volume-type-writer';
import type { VolumeTypeState } from '../domain/volume-type.state';
import { volumeTypesProjection } from '../projections/volume-types/volume-types.projection';
import { VOLUME_TYPE_TABLES } from '../projections/volume-types/volume-types.schema';
import type { VolumeTypePodPusher } from './volume-type-pod-pusher';

/** The flavors' setting serves both (podgate has one sync interval; see the report to the lead). */
const VOLUME_TYPE_SYNC = { noun: 'volume type', intervalSetting: 'PODGATE_FLAVOR_SYNC_SECONDS' } as const;

/** Volume types as a PodSyncSubject: each push hands back the pod's own id, recorded with the sync. */
function volumeTypeSyncSubject(
  sql: SqlExecutor,
  writer: VolumeTypeWriter,
  pusher: VolumeTypePodPusher,
): PodSyncSubject<VolumeTypeState, string | null> {
  const record = { awaitReadModel: false } as const;
  return {
    ...VOLUME_TYPE_SYNC,
    projection: volumeTypesProjection,
    listStatuses: () => listSyncStatuses(sql, VOLUME_TYPE_TABLES),
    load: (typeId) => writer.load(typeId),
    statusOf: (state) => {
      if (state.status === 'undefined') return null;
      const id = state.status === 'defined' ? state.volumeType.typeId : state.typeId;
      return { id, generation: state.generation, deleted: state.status === 'deleted', syncedPods: state.syncedPods };
    },
    carryOut: async (pod, task, state, requestId, signal) => {
      const known = state.podTypeIds.get(pod.podId);
      if (task.kind === 'push' && state.status === 'defined') {
        return pusher.push(pod, state.volumeType, known, requestId, signal);
      }
      await pusher.remove(pod, known, requestId, signal);
      return null;
    },
    recordSynced: async ({ id: typeId, podId, generation }, podTypeId, context) => {
      await writer.decide({ type: 'RecordVolumeTypeSync', typeId, podId, podTypeId, generation }, context, record);
    },
    recordFailure: async ({ id: typeId, podId, generation }, failure, context) => {
      await writer.decide({ type: 'RecordVolumeTypeSyncFailure', typeId, podId, generation, ...failure }, context, record);
    },
  };
}

/**
 * Keeps every active pod's Cinder holding every live volume type (pods registered later too), and no
 * deleted one: the same PodSyncReconciler as flavors', over rm_volume_types. `pusher` null (noauth): off.
 */
export class VolumeTypeReconciler extends PodSyncReconciler<VolumeTypeState, string | null> {
  constructor(
    sql: SqlExecutor,
    writer: VolumeTypeWriter,
    pusher: VolumeTypePodPusher | null,
    options: PodSyncReconcilerOptions,
    offReason?: string,
  ) {
    super(sql, VOLUME_TYPE_SYNC, pusher ? volumeTypeSyncSubject(sql, writer, pusher) : null, options, offReason);
  }
}
