/**
 * TEST DOUBLE: EventStoreDB's catch-up subscription to $all (Streams/Read with subscription
 * options), in the order the real server (23.10 and later) sends it:
 *   1. a confirmation with the subscription id;
 *   2. the historical events after the start position (exclusive, like the server), filtered, with
 *      a checkpoint every `checkpointInterval` considered events when a filter is given;
 *   3. one `caught_up` message, the first time the reader reaches the end of the log;
 *   4. live events as they are appended, through the same filter, until the client cancels.
 * Every write waits for HTTP/2 flow control, so a subscriber that stops reading stalls this loop
 * rather than growing a buffer.
 */
import { randomUUID } from 'node:crypto';
import { status, type ServerWritableStream } from '@grpc/grpc-js';
import { compileFilter } from './esdb-streams-double.filter';
import { ReadReq, ReadResp } from './esdb-streams-double.grpc';
import type { InMemoryEventLog } from './esdb-streams-double.log';
import { checkpointMessage, eventMessage, send, serverError } from './esdb-streams-double.wire';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

export async function handleSubscription(log: InMemoryEventLog, call: ReadCall, options: ReadReq.Options): Promise<void> {
  const all = options.getAll();
  if (!all) {
    call.emit('error', serverError(status.UNIMPLEMENTED, 'the EventStoreDB double only subscribes to $all'));
    return;
  }
  const filter = compileFilter(options);
  const uuid = options.getUuidOption();
  const position = all.getPosition();
  let index = all.hasEnd()
    ? log.size
    : position
      ? log.indexOf(BigInt(position.getCommitPosition()), BigInt(position.getPreparePosition()), false)
      : 0;

  const confirmation = new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID());
  if (!(await send(call, new ReadResp().setConfirmation(confirmation)))) return;
  let caughtUp = false;
  let considered = 0;
  while (!call.cancelled) {
    if (index < log.size) {
      const event = log.at(index++);
      considered++;
      const message = filter && !filter.matches(event) ? undefined : eventMessage(event, uuid);
      if (message && !(await send(call, message))) return;
      if (filter && considered % filter.checkpointInterval === 0 && !(await send(call, checkpointMessage(event.position)))) {
        return;
      }
      continue;
    }
    if (!caughtUp) {
      caughtUp = true;
      if (!(await send(call, new ReadResp().setCaughtUp(new ReadResp.CaughtUp())))) return;
    }
    await nextAppendOrCancel(log, call);
  }
}

/** Checked and registered in the same tick as the loop's end-of-log test, so no append slips between. */
function nextAppendOrCancel(log: InMemoryEventLog, call: ReadCall): Promise<void> {
  return new Promise((resolve) => {
    const settle = () => {
      stopListening();
      call.off('cancelled', settle);
      resolve();
    };
    const stopListening = log.onAppended(settle);
    call.once('cancelled', settle);
  });
}
