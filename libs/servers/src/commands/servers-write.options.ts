import { type Clock, systemClock } from '@podgate/kernel';

/** Optional tuning of the servers slice; tests set short confirmation intervals and a clock. */
export interface ServersWriteOptions {
  readonly clock?: Clock;
  /**
   * A deleted server's pod is asked whether it is gone (Nova deletes asynchronously) first after
   * this, then at doubling intervals up to deleteConfirmMaxIntervalMs. Defaults 1 s and 15 s.
   */
  readonly deleteConfirmIntervalMs?: number;
  readonly deleteConfirmMaxIntervalMs?: number;
  /** How long to keep asking before leaving the route until a show sees Nova's 404. Default 2 min. */
  readonly deleteConfirmTimeoutMs?: number;
  /** Deletions watched at once per pod; beyond it the oldest watch is dropped (and logged). Default 1,000. */
  readonly deleteConfirmMaxPending?: number;
  /**
   * A create whose outcome is in doubt: the pod is asked for servers carrying its provisioning tag
   * first after this, then at doubling intervals up to provisionConfirmMaxIntervalMs, for
   * provisionConfirmTimeoutMs. Defaults 1 s, 30 s, 10 min.
   */
  readonly provisionConfirmIntervalMs?: number;
  readonly provisionConfirmMaxIntervalMs?: number;
  readonly provisionConfirmTimeoutMs?: number;
  /** Creates in doubt watched at once per pod; beyond it the oldest watch is dropped (and logged). Default 1,000. */
  readonly provisionConfirmMaxPending?: number;
  /** How long a create waits for rm_routings to show the new server before answering. Default 2 s. */
  readonly readYourWritesMs?: number;
  /** Servers whose pod is kept in memory (a server never changes pod). Default 100,000. */
  readonly routeCacheSize?: number;
  /** How long a pod's row (endpoints, name) is reused before it is read again. Default 2 s. */
  readonly podCacheMs?: number;
}

export const SERVERS_WRITE_OPTIONS = Symbol('SERVERS_WRITE_OPTIONS');

export type ResolvedServersWriteOptions = Required<ServersWriteOptions>;

export const resolveServersWriteOptions = (options: ServersWriteOptions = {}): ResolvedServersWriteOptions => ({
  clock: options.clock ?? systemClock,
  deleteConfirmIntervalMs: options.deleteConfirmIntervalMs ?? 1000,
  deleteConfirmMaxIntervalMs: options.deleteConfirmMaxIntervalMs ?? 15_000,
  deleteConfirmTimeoutMs: options.deleteConfirmTimeoutMs ?? 120_000,
  deleteConfirmMaxPending: options.deleteConfirmMaxPending ?? 1000,
  provisionConfirmIntervalMs: options.provisionConfirmIntervalMs ?? 1000,
  provisionConfirmMaxIntervalMs: options.provisionConfirmMaxIntervalMs ?? 30_000,
  provisionConfirmTimeoutMs: options.provisionConfirmTimeoutMs ?? 600_000,
  provisionConfirmMaxPending: options.provisionConfirmMaxPending ?? 1000,
  readYourWritesMs: options.readYourWritesMs ?? 2000,
  routeCacheSize: options.routeCacheSize ?? 100_000,
  podCacheMs: options.podCacheMs ?? 2000,
});
