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
 * Pure: what is left to do so that every active pod holds every live flavor at its latest
 * generation, and no pod keeps a deleted one. A pod registered later holds nothing, so it gets every
 * live flavor; a pod that never received a deleted flavor gets nothing for it. Pods that are not
 * active (deregistered) are left alone. A failed task stays in the plan until it succeeds: retrying
 * (and backing off) is the runner's, which re-plans after each event. Order: flavors as given, then
 * pods as given, so a runner can work through it predictably.
 */
export function planFlavorSync(flavors: readonly FlavorSyncStatus[], activePods: readonly string[]): SyncTask[] {
  const pods = [...new Set(activePods)];
  const tasks: SyncTask[] = [];
  for (const flavor of flavors) {
    if (flavor.generation < 1) continue;
    for (const podId of pods) {
      const held = flavor.syncedPods.get(podId);
      if (flavor.deleted) {
        if (held !== undefined && held < flavor.generation) tasks.push(task(flavor, podId, 'delete'));
      } else if (held === undefined || held < flavor.generation) {
        tasks.push(task(flavor, podId, 'push'));
      }
    }
  }
  return tasks;
}

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

const task = (flavor: FlavorSyncStatus, podId: string, kind: SyncTask['kind']): SyncTask => ({
  flavorId: flavor.flavorId,
  podId,
  kind,
  generation: flavor.generation,
});
