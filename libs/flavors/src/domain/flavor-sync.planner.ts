import { planPodSync, type PodSyncStatus } from '@podgate/pod-sync';
import type { FlavorState } from './flavor.state';

/** One flavor as the reconciler sees it (a row of the read model, or a folded stream). */
export interface FlavorSyncStatus {
  readonly flavorId: string;
  /** The latest generation: the one every active pod must hold (or, once deleted, the deletion's). */
  readonly generation: number;
  readonly deleted: boolean;
  /** The last generation each pod is known to hold; 0 for a pod that was only tried, and failed. */
  readonly syncedPods: ReadonlyMap<string, number>;
}

/**
 * `push`: make the pod hold the flavor exactly as at `generation` (create it, or replace it when the
 * definition changed, then extra specs and access), then record FlavorSyncedToPod. `delete`: remove
 * it from the pod (absent already counts as done), then record FlavorSyncedToPod at `generation`.
 */
export interface SyncTask {
  readonly flavorId: string;
  readonly podId: string;
  readonly kind: 'push' | 'delete';
  readonly generation: number;
}

/**
 * planPodSync (@podgate/pod-sync) in the flavors' words: every active pod holds every live flavor at
 * its latest generation, and no pod keeps a deleted one.
 */
export function planFlavorSync(flavors: readonly FlavorSyncStatus[], activePods: readonly string[]): SyncTask[] {
  return planPodSync(flavors.map(asPodSyncStatus), activePods).map(({ id, ...task }) => ({ flavorId: id, ...task }));
}

export const asPodSyncStatus = ({ flavorId, ...status }: FlavorSyncStatus): PodSyncStatus => ({ id: flavorId, ...status });

/** The planner's view of a folded stream: what the reconciler uses when the read model lags. */
export function flavorSyncStatusOf(state: FlavorState): FlavorSyncStatus | null {
  switch (state.status) {
    case 'undefined':
      return null;
    case 'defined':
      return { flavorId: state.flavor.flavorId, generation: state.generation, deleted: false, syncedPods: state.syncedPods };
    case 'deleted':
      return { flavorId: state.flavorId, generation: state.generation, deleted: true, syncedPods: state.syncedPods };
  }
}
