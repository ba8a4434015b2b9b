import {
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type JsonValue,
  type NewEvent,
  StreamNotFoundError,
  StreamVersionConflictError,
} from '@podgate/event-store';
import type { EventMetadata } from '@podgate/kernel';
import { decideServer, type ServerCommand } from '../domain/server.decider';
import type { ServerStreamEvent } from '../domain/server.events';
import { evolveServer, initialServerState, type ServerState } from '../domain/server.state';
import { serverEventIdFor, streamOfServerEvent } from '../domain/server.stream';

/** The events as the store takes them, with the deterministic ids that make a repeated append a no-op. */
export const newServerEvents = (events: readonly ServerStreamEvent[], metadata: EventMetadata): NewEvent[] =>
  events.map((event) => ({ id: serverEventIdFor(event), type: event.type, data: event.data as unknown as JsonValue, metadata }));

/**
 * The hot path's append (actions, delete requests): no fold, expected revision `any`. What makes
 * it safe without the decider: the ids are derived from the request (serverEventIdFor), so a
 * re-run writes nothing twice and an action's first outcome stands.
 */
export async function appendServerEvents(
  store: EventStore,
  events: readonly ServerStreamEvent[],
  metadata: EventMetadata,
): Promise<AppendResult> {
  return store.append(streamOf(events), newServerEvents(events, metadata), 'any');
}

export interface ServerStreamDecision {
  readonly events: ServerStreamEvent[];
  readonly state: ServerState;
  readonly appended?: AppendResult;
  /** The target stream's revision after the decision. */
  readonly revision: bigint | 'no_stream';
}

export interface DecideOnServerStreamOptions {
  /** Streams folded before the target, read only (the intent stream before `server-<id>`). */
  readonly foldFirst?: readonly string[];
  /** A state and target revision the caller already holds: tried first, the streams read only on conflict. */
  readonly known?: { readonly state: ServerState; readonly revision: bigint | 'no_stream' };
  readonly attempts?: number;
}

/**
 * decideOnStream for the two-stream design: fold `foldFirst` then `target`, ask the decider, append
 * to `target` with its exact revision and deterministic ids; on a conflict, read again and decide
 * again. For the records that must see the history (creation, deletion, the intent).
 */
export async function decideOnServerStream(
  store: EventStore,
  target: string,
  command: ServerCommand,
  metadata: EventMetadata,
  options: DecideOnServerStreamOptions = {},
): Promise<ServerStreamDecision> {
  const attempts = options.attempts ?? 3;
  let known = options.known;
  for (let attempt = 1; ; attempt++) {
    const { state, revision } = known ?? (await foldServerStreams(store, [...(options.foldFirst ?? []), target]));
    known = undefined;
    const events = decideServer(command, state);
    const after = events.reduce(evolveServer, state);
    if (events.length === 0) return { events, state: after, revision };
    if (streamOf(events) !== target) throw new Error(`${command.type} decided events for another stream than ${target}`);
    const expected: ExpectedRevision = revision;
    try {
      const appended = await store.append(target, newServerEvents(events, metadata), expected);
      return { events, state: after, appended, revision: appended.nextRevision };
    } catch (error) {
      if (!(error instanceof StreamVersionConflictError) || attempt >= attempts) throw error;
    }
  }
}

/** The state of the streams folded in order, and the revision of the last one. */
export async function foldServerStreams(
  store: EventStore,
  streams: readonly string[],
): Promise<{ state: ServerState; revision: bigint | 'no_stream' }> {
  let state = initialServerState;
  let revision: bigint | 'no_stream' = 'no_stream';
  for (const stream of streams) {
    const recorded = await readOrEmpty(store, stream);
    state = recorded.reduce((s, e) => evolveServer(s, { type: e.type, data: e.data } as unknown as ServerStreamEvent), state);
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

function streamOf(events: readonly ServerStreamEvent[]): string {
  const streams = new Set(events.map(streamOfServerEvent));
  if (streams.size !== 1) throw new Error(`server events for ${streams.size} streams in one append`);
  return [...streams][0];
}
