import type { AppendResult, EventStore, NewEvent } from '@podgate/event-store';
import type { EventMetadata } from '@podgate/kernel';
import {
  appendWithAnyRevision,
  type DecideOnStreamOptions,
  decideOnStream,
  foldStreams,
  newEvents,
  type StreamDecision,
  type StreamModel,
} from '@podgate/routed-resources';
import { decideServer, type ServerCommand } from '../domain/server.decider';
import type { ServerStreamEvent } from '../domain/server.events';
import { evolveServer, initialServerState, type ServerState } from '../domain/server.state';
import { serverEventIdFor, streamOfServerEvent } from '../domain/server.stream';

/** The servers slice's decider as the shared stream writer takes it. */
const serverStreams: StreamModel<ServerCommand, ServerStreamEvent, ServerState> = {
  decide: decideServer,
  evolve: evolveServer,
  initialState: initialServerState,
  streamOf: streamOfServerEvent,
  eventIdOf: serverEventIdFor,
  typeOf: (event) => event.type,
  fromRecorded: (recorded) => ({ type: recorded.type, data: recorded.data }) as unknown as ServerStreamEvent,
  noun: 'server',
};

export const newServerEvents = (events: readonly ServerStreamEvent[], metadata: EventMetadata): NewEvent[] =>
  newEvents(serverStreams, events, metadata);

/** The hot path's append (actions, delete requests): see appendWithAnyRevision. */
export const appendServerEvents = (
  store: EventStore,
  events: readonly ServerStreamEvent[],
  metadata: EventMetadata,
): Promise<AppendResult> => appendWithAnyRevision(store, serverStreams, events, metadata);

export type ServerStreamDecision = StreamDecision<ServerStreamEvent, ServerState>;
export type DecideOnServerStreamOptions = DecideOnStreamOptions<ServerState>;

/** decideOnStream with the servers' decider: creation, deletion and the intent, decided on the history. */
export const decideOnServerStream = (
  store: EventStore,
  target: string,
  command: ServerCommand,
  metadata: EventMetadata,
  options: DecideOnServerStreamOptions = {},
): Promise<ServerStreamDecision> => decideOnStream(store, serverStreams, target, command, metadata, options);

/** The state of the streams folded in order, and the revision of the last one. */
export const foldServerStreams = (
  store: EventStore,
  streams: readonly string[],
): Promise<{ state: ServerState; revision: bigint | 'no_stream' }> => foldStreams(store, serverStreams, streams);
