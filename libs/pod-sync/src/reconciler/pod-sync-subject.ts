import type { RequestContext } from '@podgate/kernel';
import type { PodView } from '@podgate/pods';
import type { Projection } from '@podgate/read-model';
import type { PodSyncStatus, PodSyncTask } from '../plan/pod-sync.planner';
import type { SyncFailureDescription } from '../push/pod-push-refused.error';

/**
 * One kind of resource the gateway defines once and every pod must hold (flavors, volume types):
 * what the reconciler needs of its slice. `TState` is the slice's folded stream, `TDone` what a
 * carried-out task hands to its record (e.g. the pod's own id for the resource).
 */
export interface PodSyncSubject<TState, TDone = void> {
  /** In logs: 'flavor', 'volume type'. */
  readonly noun: string;
  /** The setting whose 0 turns the sync off, for the log. */
  readonly intervalSetting: string;
  /** The read model planned from: its checkpoint moving means news. */
  readonly projection: Projection;
  /** Every live resource, and every deleted one some pod may still hold. */
  listStatuses(): Promise<PodSyncStatus[]>;
  /** The resource folded from its stream: the truth when the read model lags, or another replica did the task. */
  load(id: string): Promise<TState>;
  statusOf(state: TState): PodSyncStatus | null;
  /** Makes the pod hold `state` (push) or nothing (delete); idempotent, since a half-done task is done again. */
  carryOut(pod: PodView, task: PodSyncTask, state: TState, requestId: string, signal: AbortSignal): Promise<TDone>;
  recordSynced(task: PodSyncTask, done: TDone, context: RequestContext): Promise<void>;
  recordFailure(task: PodSyncTask, failure: SyncFailureDescription, context: RequestContext): Promise<void>;
}
