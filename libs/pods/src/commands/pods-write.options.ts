import { type Clock, systemClock } from '@podgate/kernel';

/** Optional tuning of the pod command handlers; tests set a fixed clock and a short read-your-writes wait. */
export interface PodsWriteOptions {
  readonly clock?: Clock;
  /** How long a handler waits for rm_pods to show its own write before answering from the decided state. */
  readonly readYourWritesMs?: number;
}

export const PODS_WRITE_OPTIONS = Symbol('PODS_WRITE_OPTIONS');

export const DEFAULT_READ_YOUR_WRITES_MS = 5000;

export const resolveWriteOptions = (options: PodsWriteOptions = {}) => ({
  clock: options.clock ?? systemClock,
  readYourWritesMs: options.readYourWritesMs ?? DEFAULT_READ_YOUR_WRITES_MS,
});
