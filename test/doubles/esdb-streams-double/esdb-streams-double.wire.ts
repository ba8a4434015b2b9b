/**
 * TEST DOUBLE: what the double puts on the wire. Stored events and errors shaped the way
 * EventStoreDB sends them, and a flow-controlled send for server-streaming calls.
 */
import { Metadata, status, type ServerErrorResponse, type ServerWritableStream } from '@grpc/grpc-js';
import { ReadReq, ReadResp, StreamIdentifier, UUID } from './esdb-streams-double.grpc';
import type { StoredEvent } from './esdb-streams-double.log';

export type UuidOption = ReadReq.Options.UUIDOption | undefined;

export function streamIdentifier(stream: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Buffer.from(stream, 'utf8'));
}

export function streamNameOf(identifier: StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

export function eventMessage(event: StoredEvent, uuidOption: UuidOption): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidMessage(event.id, uuidOption))
    .setStreamIdentifier(streamIdentifier(event.stream))
    .setStreamRevision(event.revision.toString())
    .setCommitPosition(event.position.toString())
    .setPreparePosition(event.position.toString())
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    .set('created', event.createdTicks.toString());
  const read = new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(event.position.toString());
  return new ReadResp().setEvent(read);
}

export function checkpointMessage(position: bigint): ReadResp {
  const checkpoint = new ReadResp.Checkpoint().setCommitPosition(position.toString()).setPreparePosition(position.toString());
  return new ReadResp().setCheckpoint(checkpoint);
}

/** Clients choose how ids travel: as text, or as two signed 64-bit halves ("structured"). */
function uuidMessage(id: string, option: UuidOption): UUID {
  if (!option?.hasStructured()) return new UUID().setString(id);
  const hex = id.replace(/-/g, '');
  const structured = new UUID.Structured()
    .setMostSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(0, 16)}`)).toString())
    .setLeastSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(16)}`)).toString());
  return new UUID().setStructured(structured);
}

export function uuidText(uuid: UUID | undefined): string | undefined {
  if (!uuid) return undefined;
  if (!uuid.hasStructured()) return uuid.getString();
  const structured = uuid.getStructured();
  if (!structured) return undefined;
  const half = (value: string) => BigInt.asUintN(64, BigInt(value)).toString(16).padStart(16, '0');
  const hex = half(structured.getMostSignificantBits()) + half(structured.getLeastSignificantBits());
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A failure as EventStoreDB reports it: a gRPC status plus an `exception` trailer the client maps
 * to its error classes.
 */
export function serverError(code: status, details: string, trailers: Record<string, string> = {}): ServerErrorResponse {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
}

/**
 * Writes one message, honouring HTTP/2 flow control: when the client stops reading, the call's
 * buffer fills and this waits, which is how a slow subscriber slows the server down. Resolves
 * false once the client has gone.
 */
export function send(call: ServerWritableStream<ReadReq, ReadResp>, message: ReadResp): Promise<boolean> {
  if (call.cancelled || call.writableEnded) return Promise.resolve(false);
  if (call.write(message)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const settle = (written: boolean) => {
      call.off('drain', onDrain);
      call.off('cancelled', onGone);
      call.off('close', onGone);
      resolve(written);
    };
    const onDrain = () => settle(true);
    const onGone = () => settle(false);
    call.once('drain', onDrain);
    call.once('cancelled', onGone);
    call.once('close', onGone);
  });
}
