import type { Decider } from '@podgate/kernel';

/**
 * A slice's decider plus what it takes to store its events: which stream each goes to, its
 * deterministic id (the same decision for the same request gives the same id, so a repeated append
 * is a no-op), its permanent type name, and back from what the store recorded.
 */
export interface StreamModel<Command, Event, State> extends Decider<Command, Event, State> {
  readonly streamOf: (event: Event) => string;
  readonly eventIdOf: (event: Event) => string;
  readonly typeOf: (event: Event) => string;
  readonly fromRecorded: (recorded: { readonly type: string; readonly data: unknown }) => Event;
  /** What the events are about, for error messages ("server", "volume"). */
  readonly noun: string;
}
