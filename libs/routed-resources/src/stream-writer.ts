import {
  type AppendResult,
  type EventStore,
  type JsonValue,
  type NewEvent,
  StreamNotFoundError,
  StreamVersionConflictError,
} from '@podgate/event-store';
import type { EventMetadata } from '@podgate/kernel';
import type { StreamModel } from './stream-model';

type Codec<Event> = Pick<StreamModel<unknown, Event, unknown>, 'streamOf' | 'eventIdOf' | 'typeOf' | 'noun'>;

/** The events as the store takes them, with the deterministic ids that make a repeated append a no-op. */
export const newEvents = <Event extends { readonly data: unknown }>(
  model: Codec<Event>,
  events: readonly Event[],
  metadata: EventMetadata,
): NewEvent[] =>
  events.map((event) => ({
    id: model.eventIdOf(event),
    type: model.typeOf(event),
    data: event.data as JsonValue,
    metadata,
  }));

/**
 * The hot path's append (actions, delete requests): no fold, expected revision `any`. What makes
 * it safe without the decider: the ids are derived from the request (the model's eventIdOf), so a
 * re-run writes nothing twice and an action's first outcome stands.
 */
export function appendWithAnyRevision<Event extends { readonly data: unknown }>(
  store: EventStore,
  model: Codec<Event>,
  events: readonly Event[],
  metadata: EventMetadata,
): Promise<AppendResult> {
  return store.append(singleStreamOf(model, events), newEvents(model, events, metadata), 'any');
}

export interface StreamDecision<Event, State> {
  readonly events: Event[];
  readonly state: State;
  readonly appended?: AppendResult;
  /** The target stream's revision after the decision. */
  readonly revision: bigint | 'no_stream';
}

export interface DecideOnStreamOptions<State> {
  /** Streams folded before the target, read only (the intent stream before the resource's own). */
  readonly foldFirst?: readonly string[];
  /** A state and target revision the caller already holds: tried first, the streams read only on conflict. */
  readonly known?: { readonly state: State; readonly revision: bigint | 'no_stream' };
  readonly attempts?: number;
}

/**
 * decideOnStream for the two-stream design (intent stream, then the resource's stream): fold
 * `foldFirst` then `target`, ask the decider, append to `target` with its exact revision and
 * deterministic ids; on a conflict, read again and decide again. For the records that must see the
 * history (creation, deletion, the intent).
 */
export async function decideOnStream<Command extends { readonly type: string }, Event extends { readonly data: unknown }, State>(
  store: EventStore,
  model: StreamModel<Command, Event, State>,
  target: string,
  command: Command,
  metadata: EventMetadata,
  options: DecideOnStreamOptions<State> = {},
): Promise<StreamDecision<Event, State>> {
  const attempts = options.attempts ?? 3;
  let known = options.known;
  for (let attempt = 1; ; attempt++) {
    const { state, revision } = known ?? (await foldStreams(store, model, [...(options.foldFirst ?? []), target]));
    known = undefined;
    const events = model.decide(command, state);
    const after = events.reduce(model.evolve, state);
    if (events.length === 0) return { events, state: after, revision };
    if (singleStreamOf(model, events) !== target) {
      throw new Error(`${command.type} decided events for another stream than ${target}`);
    }
    try {
      const appended = await store.append(target, newEvents(model, events, metadata), revision);
      return { events, state: after, appended, revision: appended.nextRevision };
    } catch (error) {
      if (!(error instanceof StreamVersionConflictError) || attempt >= attempts) throw error;
    }
  }
}

/** The state of the streams folded in order, and the revision of the last one. */
export async function foldStreams<Event, State>(
  store: EventStore,
  model: Pick<StreamModel<unknown, Event, State>, 'evolve' | 'initialState' | 'fromRecorded'>,
  streams: readonly string[],
): Promise<{ state: State; revision: bigint | 'no_stream' }> {
  let state = model.initialState;
  let revision: bigint | 'no_stream' = 'no_stream';
  for (const stream of streams) {
    const recorded = await readOrEmpty(store, stream);
    state = recorded.reduce((s, e) => model.evolve(s, model.fromRecorded(e)), state);
    revision = recorded.length === 0 ? 'no_stream' : recorded[recorded.length - 1].revision;
  }
  return { state, revision };
}

async function readOrEmpty(store: EventStore, stream: string) {
  try {
    return await store.readStream(stream);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}

function singleStreamOf<Event>(model: Codec<Event>, events: readonly Event[]): string {
  const streams = new Set(events.map(model.streamOf));
  if (streams.size !== 1) throw new Error(`${model.noun} events for ${streams.size} streams in one append`);
  return [...streams][0];
}
