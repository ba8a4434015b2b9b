import { type Clock, systemClock } from '@podgate/kernel';

/**
 * Tuning shared by the slices that route resources to pods (servers, volumes); tests set short
 * confirmation intervals (deletes, creates in doubt) and a clock. Each slice has its own injection token and defaults.
 */
export interface RoutedWriteOptions {
  readonly clock?: Clock;
  /**
   * A deleted resource's pod is asked whether it is gone (Nova and Cinder delete asynchronously)
   * first after this, then at doubling intervals up to deleteConfirmMaxIntervalMs. Defaults 1 s and 15 s.
   */
  readonly deleteConfirmIntervalMs?: number;
  readonly deleteConfirmMaxIntervalMs?: number;
  /** How long to keep asking before leaving the route until a show sees the pod's 404. Default 2 min. */
  readonly deleteConfirmTimeoutMs?: number;
  /** Deletions watched at once per pod; beyond it the oldest watch is dropped (and logged). Default 1,000. */
  readonly deleteConfirmMaxPending?: number;
  /** How long a create waits for rm_routings to show the new resource before answering. Default 2 s. */
  readonly readYourWritesMs?: number;
  /** Resources whose pod is kept in memory (a resource never changes pod). Default 100,000. */
  readonly routeCacheSize?: number;
  /** How long a pod's row (endpoints, name) is reused before it is read again. Default 2 s. */
  readonly podCacheMs?: number;
  /**
   * A create whose outcome is in doubt: the pod is asked for resources carrying its provisioning
   * tag first after this, then at doubling intervals up to provisionConfirmMaxIntervalMs, for
   * provisionConfirmTimeoutMs. Defaults 1 s, 30 s, 10 min.
   */
  readonly provisionConfirmIntervalMs?: number;
  readonly provisionConfirmMaxIntervalMs?: number;
  readonly provisionConfirmTimeoutMs?: number;
  /** Creates in doubt watched at once per pod; beyond it the oldest watch is dropped (and logged). Default 1,000. */
  readonly provisionConfirmMaxPending?: number;
}

export type ResolvedRoutedWriteOptions = Required<RoutedWriteOptions>;

export const resolveRoutedWriteOptions = (options: RoutedWriteOptions = {}): ResolvedRoutedWriteOptions => ({
  clock: options.clock ?? systemClock,
  deleteConfirmIntervalMs: options.deleteConfirmIntervalMs ?? 1000,
  deleteConfirmMaxIntervalMs: options.deleteConfirmMaxIntervalMs ?? 15_000,
  deleteConfirmTimeoutMs: options.deleteConfirmTimeoutMs ?? 120_000,
  deleteConfirmMaxPending: options.deleteConfirmMaxPending ?? 1000,
  readYourWritesMs: options.readYourWritesMs ?? 2000,
  routeCacheSize: options.routeCacheSize ?? 100_000,
  podCacheMs: options.podCacheMs ?? 2000,
  provisionConfirmIntervalMs: options.provisionConfirmIntervalMs ?? 1000,
  provisionConfirmMaxIntervalMs: options.provisionConfirmMaxIntervalMs ?? 30_000,
  provisionConfirmTimeoutMs: options.provisionConfirmTimeoutMs ?? 600_000,
  provisionConfirmMaxPending: options.provisionConfirmMaxPending ?? 1000,
});
