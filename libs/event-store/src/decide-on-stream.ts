import { type Decider, type EventMetadata, foldEvents, newId } from '@podgate/kernel';
import type { AppendResult, EventStore, ExpectedRevision, JsonValue } from './event-store.port';
import { StreamNotFoundError, StreamVersionConflictError } from './event-store.errors';

/** A decider's event: a permanent type name and plain JSON data. */
export interface DecidedEvent {
  readonly type: string;
  readonly data: object;
}

export interface StreamDecision<Event, State> {
  /** What was appended (empty when the command changed nothing). */
  readonly events: Event[];
  /** The state after the new events. */
  readonly state: State;
  /** Where the last appended event landed; undefined when nothing was appended. */
  readonly appended?: AppendResult;
  /** The stream's revision after the decision ('no_stream' if it still has no events). */
  readonly revision: bigint | 'no_stream';
}

export interface DecideOptions<State> {
  /** A revision and state the caller already holds (from a read model): tried first, the stream read only on conflict. */
  readonly known?: { readonly revision: bigint | 'no_stream'; readonly state: State };
  /** Re-read and re-decide this many times when another writer got in first. Default 3. */
  readonly attempts?: number;
}

/**
 * The write side of every slice: fold the stream, ask the pure decider, append with the exact
 * expected revision. A concurrent writer makes the append fail; the decision is then taken again on
 * the fresh history, so two writers never both act on the same old state.
 */
export async function decideOnStream<Command, Event extends DecidedEvent, State>(
  store: EventStore,
  stream: string,
  decider: Decider<Command, Event, State>,
  command: Command,
  metadata: EventMetadata,
  options: DecideOptions<State> = {},
): Promise<StreamDecision<Event, State>> {
  const attempts = options.attempts ?? 3;
  let known = options.known;
  for (let attempt = 1; ; attempt++) {
    const { revision, state } = known ?? (await loadStream(store, stream, decider));
    known = undefined;
    const events = decider.decide(command, state);
    const after = events.reduce(decider.evolve, state);
    if (events.length === 0) return { events, state: after, revision };
    const expected: ExpectedRevision = revision;
    try {
      const appended = await store.append(
        stream,
        events.map((event) => ({ id: newId(), type: event.type, data: event.data as JsonValue, metadata })),
        expected,
      );
      return { events, state: after, appended, revision: appended.nextRevision };
    } catch (error) {
      if (!(error instanceof StreamVersionConflictError) || attempt >= attempts) throw error;
    }
  }
}

/** The stream's state and revision, by folding all its events (a stream without events is the initial state). */
export async function loadStream<Event, State>(
  store: EventStore,
  stream: string,
  decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
): Promise<{ revision: bigint | 'no_stream'; state: State; events: Event[] }> {
  try {
    const recorded = await store.readStream(stream);
    const events = recorded.map((event) => ({ type: event.type, data: event.data }) as Event);
    return { revision: recorded[recorded.length - 1].revision, state: foldEvents(decider, events), events };
  } catch (error) {
    if (error instanceof StreamNotFoundError) return { revision: 'no_stream', state: decider.initialState, events: [] };
    throw error;
  }
}
