/** Pod fault messages are kept for the audit, capped. */
export const MAX_SYNC_FAILURE_MESSAGE_LENGTH = 500;

/** Never moves a pod backwards: a late record of an older push changes nothing (same map back). */
export function withSyncedPod(
  syncedPods: ReadonlyMap<string, number>,
  podId: string,
  generation: number,
): ReadonlyMap<string, number> {
  const held = syncedPods.get(podId);
  if (held !== undefined && held >= generation) return syncedPods;
  return new Map(syncedPods).set(podId, generation);
}

/** What a deciding slice knows of one resource's sync: its latest generation and what each pod holds. */
export interface SyncRecordTarget {
  readonly generation: number;
  readonly syncedPods: ReadonlyMap<string, number>;
}

/**
 * Whether recording `generation` for `podId` is news. A generation the stream has not reached is a
 * reconciler bug (`badGeneration` is thrown); one the pod already holds is a repeat (false). Also
 * used for failures: one the pod has since overtaken (another replica's push succeeded) is no news.
 */
export function isSyncRecordNews(
  target: SyncRecordTarget,
  podId: string,
  generation: number,
  badGeneration: () => Error,
): boolean {
  if (!Number.isInteger(generation) || generation < 1 || generation > target.generation) throw badGeneration();
  const held = target.syncedPods.get(podId);
  return held === undefined || held < generation;
}

/** A failure as recorded: the status checked (100..599, else `invalid`), the message capped. */
export function syncFailureRecord(
  failure: { readonly status?: number; readonly message: string },
  invalid: (message: string) => Error,
): { readonly status?: number; readonly message: string } {
  const { status } = failure;
  if (status !== undefined && !(Number.isInteger(status) && status >= 100 && status <= 599)) {
    throw invalid(`an HTTP status is 100..599, got ${status}`);
  }
  return { ...(status === undefined ? {} : { status }), message: failure.message.slice(0, MAX_SYNC_FAILURE_MESSAGE_LENGTH) };
}
