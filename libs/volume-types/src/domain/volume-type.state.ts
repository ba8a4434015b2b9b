import { withSyncedPod } from '@podgate/pod-sync';
import type { VolumeTypeDefinition, VolumeTypeEvent, VolumeTypeSyncedToPodData } from './volume-type.events';
import { bumpsVolumeTypeGeneration } from './volume-type.events';

export interface LiveVolumeType {
  readonly typeId: string;
  readonly definition: VolumeTypeDefinition;
  readonly extraSpecs: Readonly<Record<string, string>>;
  /** Projects given access to a private type, in the order they were added. */
  readonly projects: readonly string[];
}

interface SyncFacts {
  /** How many events so far changed what a pod must hold (0: never defined). */
  readonly generation: number;
  /** The last generation each pod is known to hold (0: only tried, and failed; see @podgate/pod-sync). */
  readonly syncedPods: ReadonlyMap<string, number>;
  /** Each pod's own id for the type, from its last recorded push (Cinder picks ids itself). */
  readonly podTypeIds: ReadonlyMap<string, string>;
}

export type VolumeTypeState =
  | ({ readonly status: 'undefined' } & SyncFacts)
  | ({ readonly status: 'defined'; readonly volumeType: LiveVolumeType } & SyncFacts)
  | ({ readonly status: 'deleted'; readonly typeId: string } & SyncFacts);

export const initialVolumeTypeState: VolumeTypeState = {
  status: 'undefined',
  generation: 0,
  syncedPods: new Map(),
  podTypeIds: new Map(),
};

export function evolveVolumeType(state: VolumeTypeState, event: VolumeTypeEvent): VolumeTypeState {
  const next: VolumeTypeState = bumpsVolumeTypeGeneration(event) ? { ...state, generation: state.generation + 1 } : state;
  const facts: SyncFacts = { generation: next.generation, syncedPods: next.syncedPods, podTypeIds: next.podTypeIds };
  switch (event.type) {
    case 'VolumeTypeDefined': {
      const { typeId, extraSpecs, ...definition } = event.data;
      return { status: 'defined', ...facts, volumeType: { typeId, definition, extraSpecs, projects: [] } };
    }
    case 'VolumeTypeDeleted':
      return { status: 'deleted', ...facts, typeId: event.data.typeId };
    case 'VolumeTypeUpdated': {
      const { typeId: _id, ...changes } = event.data;
      return withType(next, (t) => ({ ...t, definition: { ...t.definition, ...changes } }));
    }
    case 'VolumeTypeExtraSpecsSet':
      return withType(next, (t) => ({ ...t, extraSpecs: { ...t.extraSpecs, ...event.data.specs } }));
    case 'VolumeTypeExtraSpecUnset':
      return withType(next, (t) => {
        const { [event.data.key]: _removed, ...extraSpecs } = t.extraSpecs;
        return { ...t, extraSpecs };
      });
    case 'VolumeTypeAccessAdded':
      return withType(next, (t) => ({ ...t, projects: [...t.projects, event.data.projectId] }));
    case 'VolumeTypeAccessRemoved':
      return withType(next, (t) => ({ ...t, projects: t.projects.filter((p) => p !== event.data.projectId) }));
    case 'VolumeTypeSyncedToPod':
      return synced(next, event.data);
    case 'VolumeTypeSyncFailed': {
      const syncedPods = withSyncedPod(next.syncedPods, event.data.podId, 0);
      return syncedPods === next.syncedPods ? next : { ...next, syncedPods };
    }
    default:
      return unreachable(event);
  }
}

function withType(state: VolumeTypeState, change: (t: LiveVolumeType) => LiveVolumeType): VolumeTypeState {
  return state.status === 'defined' ? { ...state, volumeType: change(state.volumeType) } : state;
}

/** Never moves a pod backwards; the pod's id follows the newest record (null: removed from the pod). */
function synced(state: VolumeTypeState, { podId, podTypeId, generation }: VolumeTypeSyncedToPodData): VolumeTypeState {
  const syncedPods = withSyncedPod(state.syncedPods, podId, generation);
  if (syncedPods === state.syncedPods) return state;
  const podTypeIds = new Map(state.podTypeIds);
  if (podTypeId === null) podTypeIds.delete(podId);
  else podTypeIds.set(podId, podTypeId);
  return { ...state, syncedPods, podTypeIds };
}

function unreachable(value: never): never {
  throw new Error(`unhandled: ${JSON.stringify(value)}`);
}
