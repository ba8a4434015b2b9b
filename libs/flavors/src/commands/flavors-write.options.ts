import { type Clock, systemClock } from '@podgate/kernel';

/** Optional tuning of the flavor command handlers; tests set a fixed clock and a short read-your-writes wait. */
export interface FlavorsWriteOptions {
  readonly clock?: Clock;
  /** How long a handler waits for rm_flavors to show its own write before answering anyway. */
  readonly readYourWritesMs?: number;
}

export const FLAVORS_WRITE_OPTIONS = Symbol('FLAVORS_WRITE_OPTIONS');

export const DEFAULT_READ_YOUR_WRITES_MS = 5000;

export const resolveFlavorsWriteOptions = (options: FlavorsWriteOptions = {}) => ({
  clock: options.clock ?? systemClock,
  readYourWritesMs: options.readYourWritesMs ?? DEFAULT_READ_YOUR_WRITES_MS,
});
