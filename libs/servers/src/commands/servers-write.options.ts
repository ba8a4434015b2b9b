import { type Clock, systemClock } from '@podgate/kernel';

/** Optional tuning of the servers slice; tests set short delete-confirmation intervals and a clock. */
export interface ServersWriteOptions {
  readonly clock?: Clock;
  /** How often a deleted server's pod is asked whether it is gone (Nova deletes asynchronously). Default 1 s. */
  readonly deleteConfirmIntervalMs?: number;
  /** How long to keep asking before leaving the server to the reconciler. Default 2 min. */
  readonly deleteConfirmTimeoutMs?: number;
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
  deleteConfirmTimeoutMs: options.deleteConfirmTimeoutMs ?? 120_000,
  routeCacheSize: options.routeCacheSize ?? 100_000,
  podCacheMs: options.podCacheMs ?? 2000,
});
