/**
 * TEST DOUBLE: EventStoreDB's one-shot reads (Streams/Read without subscription options), of a
 * stream or of $all, forwards or backwards, with a count and, for $all, a server-side filter.
 */
import { status, type ServerWritableStream } from '@grpc/grpc-js';
import { compileFilter } from './esdb-streams-double.filter';
import { ReadReq, ReadResp } from './esdb-streams-double.grpc';
import type { InMemoryEventLog } from './esdb-streams-double.log';
import { eventMessage, send, serverError, streamIdentifier, streamNameOf } from './esdb-streams-double.wire';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

export async function handleRead(log: InMemoryEventLog, call: ReadCall, options: ReadReq.Options): Promise<void> {
  const count = options.hasCount() ? BigInt(options.getCount()) : BigInt(Number.MAX_SAFE_INTEGER);
  const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
  const streamOptions = options.getStream();
  const allOptions = options.getAll();
  let completed: boolean;
  if (streamOptions) completed = await readStream(log, call, streamOptions, { count, backwards, uuid: options.getUuidOption() });
  else if (allOptions) completed = await readAll(log, call, options, allOptions, { count, backwards });
  else {
    call.emit('error', serverError(status.INVALID_ARGUMENT, 'a read names a stream or $all'));
    return;
  }
  if (completed) call.end();
}

interface Direction {
  readonly count: bigint;
  readonly backwards: boolean;
}

async function readStream(
  log: InMemoryEventLog,
  call: ReadCall,
  options: ReadReq.Options.StreamOptions,
  { count, backwards, uuid }: Direction & { uuid: ReadReq.Options.UUIDOption | undefined },
): Promise<boolean> {
  const stream = streamNameOf(options.getStreamIdentifier());
  const events = log.streamEvents(stream);
  if (events.length === 0) {
    // Not a gRPC error: the server answers with a message, and the client raises StreamNotFoundError.
    const notFound = new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(stream));
    return send(call, new ReadResp().setStreamNotFound(notFound));
  }
  const last = events.length - 1;
  let index: number;
  if (options.hasStart()) index = 0;
  else if (options.hasEnd()) index = backwards ? last : events.length;
  else {
    const revision = BigInt(options.getRevision());
    // Backwards from beyond the end starts at the last event; forwards from beyond it reads nothing.
    index = revision > BigInt(last) ? (backwards ? last : events.length) : Number(revision);
  }
  const step = backwards ? -1 : 1;
  for (let sent = 0n; index >= 0 && index <= last && sent < count; index += step, sent++) {
    if (!(await send(call, eventMessage(events[index], uuid)))) return false;
  }
  return true;
}

async function readAll(
  log: InMemoryEventLog,
  call: ReadCall,
  options: ReadReq.Options,
  all: ReadReq.Options.AllOptions,
  { count, backwards }: Direction,
): Promise<boolean> {
  const filter = compileFilter(options);
  const position = all.getPosition();
  // A read of $all is inclusive of its position forwards, and stops before it backwards.
  const fromPosition = position
    ? log.indexOf(BigInt(position.getCommitPosition()), BigInt(position.getPreparePosition()), true)
    : undefined;
  let index: number;
  if (backwards) index = all.hasEnd() ? log.size - 1 : all.hasStart() ? -1 : (fromPosition ?? 0) - 1;
  else index = all.hasStart() ? 0 : all.hasEnd() ? log.size : (fromPosition ?? 0);
  const step = backwards ? -1 : 1;
  let sent = 0n;
  for (; index >= 0 && index < log.size && sent < count; index += step) {
    const event = log.at(index);
    if (filter && !filter.matches(event)) continue;
    if (!(await send(call, eventMessage(event, options.getUuidOption())))) return false;
    sent++;
  }
  return true;
}
