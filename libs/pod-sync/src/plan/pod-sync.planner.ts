/**
 * One resource defined at the gateway (a flavor, a volume type) as the reconciler sees it: a row
 * of its read model, or its folded stream.
 */
export interface PodSyncStatus {
  readonly id: string;
  /** The latest generation: the one every active pod must hold (or, once deleted, the deletion's). */
  readonly generation: number;
  readonly deleted: boolean;
  /** The last generation each pod is known to hold; 0 for a pod that was only tried, and failed. */
  readonly syncedPods: ReadonlyMap<string, number>;
}

/**
 * `push`: make the pod hold the resource exactly as at `generation`, then record that the pod holds
 * it. `delete`: remove it from the pod (absent already counts as done), then record the pod at the
 * deletion's `generation`.
 */
export interface PodSyncTask {
  readonly id: string;
  readonly podId: string;
  readonly kind: 'push' | 'delete';
  readonly generation: number;
}

/**
 * Pure: what is left to do so that every active pod holds every live resource at its latest
 * generation, and no pod keeps a deleted one. A pod registered later holds nothing, so it gets every
 * live resource; a pod that never received a deleted one gets nothing for it. Pods that are not
 * active (deregistered) are left alone. A failed task stays in the plan until it succeeds: retrying
 * (and backing off) is the runner's, which re-plans after each event. Order: resources as given,
 * then pods as given, so a runner can work through it predictably.
 */
export function planPodSync(resources: readonly PodSyncStatus[], activePods: readonly string[]): PodSyncTask[] {
  const pods = [...new Set(activePods)];
  const tasks: PodSyncTask[] = [];
  for (const resource of resources) {
    if (resource.generation < 1) continue;
    for (const podId of pods) {
      const held = resource.syncedPods.get(podId);
      if (resource.deleted) {
        if (held !== undefined && held < resource.generation) tasks.push(task(resource, podId, 'delete'));
      } else if (held === undefined || held < resource.generation) {
        tasks.push(task(resource, podId, 'push'));
      }
    }
  }
  return tasks;
}

const task = (resource: PodSyncStatus, podId: string, kind: PodSyncTask['kind']): PodSyncTask => ({
  id: resource.id,
  podId,
  kind,
  generation: resource.generation,
});
