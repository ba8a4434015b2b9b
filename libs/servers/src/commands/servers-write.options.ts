import { resolveRoutedWriteOptions, type RoutedWriteOptions } from '@podgate/routed-resources';

/**
 * Optional tuning of the servers slice: the routed resources' (clock, delete confirmation,
 * read-your-writes, caches) and the confirmation of creates in doubt, which only servers have.
 */
export interface ServersWriteOptions extends RoutedWriteOptions {
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
}

export const SERVERS_WRITE_OPTIONS = Symbol('SERVERS_WRITE_OPTIONS');

export type ResolvedServersWriteOptions = Required<ServersWriteOptions>;

export const resolveServersWriteOptions = (options: ServersWriteOptions = {}): ResolvedServersWriteOptions => ({
  ...resolveRoutedWriteOptions(options),
  provisionConfirmIntervalMs: options.provisionConfirmIntervalMs ?? 1000,
  provisionConfirmMaxIntervalMs: options.provisionConfirmMaxIntervalMs ?? 30_000,
  provisionConfirmTimeoutMs: options.provisionConfirmTimeoutMs ?? 600_000,
  provisionConfirmMaxPending: options.provisionConfirmMaxPending ?? 1000,
});
