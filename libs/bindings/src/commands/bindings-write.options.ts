import { type Clock, systemClock } from '@podgate/kernel';

/** Optional tuning of the binding command handlers; tests set a stepping clock and a short read-your-writes wait. */
export interface BindingsWriteOptions {
  readonly clock?: Clock;
  /** How long an admin command waits for rm_bindings to show its own write before answering from the stream. */
  readonly readYourWritesMs?: number;
}

export const BINDINGS_WRITE_OPTIONS = Symbol('BINDINGS_WRITE_OPTIONS');

export const resolveBindingsWriteOptions = (options: BindingsWriteOptions = {}) => ({
  clock: options.clock ?? systemClock,
  readYourWritesMs: options.readYourWritesMs ?? 5000,
});
